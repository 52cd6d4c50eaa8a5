using PhanHoi.Bot.Channels.Delivery;

namespace PhanHoi.Bot.Channels.Tests.Delivery;

public sealed class ShownRepliesTests
{
    private static readonly HistoryMessage[] NewestFirst =
    [
        new("oa-4", true, "Hồ sơ PAKN-2026-000123 đã được chuyển xử lý."),
        new("oa-3", true, "Đã tiếp nhận.\nMã tra cứu: PAKN-2026-000123"),
        new("z-2", false, "gửi"),
        new("oa-2", true, "Bạn xác nhận gửi?"),
        new("z-1", false, "Xin chào"),
    ];

    [Fact]
    public void What_the_business_sent_after_the_citizens_message_comes_oldest_first()
    {
        Assert.Equal(
            ["Đã tiếp nhận.\nMã tra cứu: PAKN-2026-000123", "Hồ sơ PAKN-2026-000123 đã được chuyển xử lý."],
            ShownReplies.After(NewestFirst, "z-2"));
        Assert.Empty(ShownReplies.After(NewestFirst[2..], "z-2")!);
    }

    [Fact]
    public void A_message_not_in_the_recent_history_leaves_it_unknown()
    {
        Assert.Null(ShownReplies.After(NewestFirst, "z-0"));
        Assert.Null(ShownReplies.After([], "z-2"));
    }

    [Fact]
    public void Replies_count_as_shown_in_order_with_notices_in_between_and_line_breaks_stored_differently()
    {
        string?[] sent = ["Đã tiếp nhận. Mã tra cứu: PAKN-1", "Hồ sơ đã được chuyển xử lý.", "Cảm ơn bạn\r\n"];

        Assert.Equal(2, ShownReplies.CountInOrder(["Đã tiếp nhận.\nMã tra cứu: PAKN-1", "Cảm ơn bạn"], sent));
        Assert.Equal(1, ShownReplies.CountInOrder(["Đã tiếp nhận.\nMã tra cứu: PAKN-1", "Chưa gửi"], sent));
        Assert.Equal(0, ShownReplies.CountInOrder(["Cảm ơn bạn", "Đã tiếp nhận. Mã tra cứu: PAKN-1"], sent[..1]));
    }

    [Fact]
    public void A_notice_counts_only_among_messages_dated_from_its_second_on()
    {
        var queued = new DateTimeOffset(2026, 11, 30, 3, 0, 0, 400, TimeSpan.Zero);
        HistoryMessage[] history =
        [
            new("oa-2", true, "Hồ sơ đã chuyển xử lý", queued.AddMilliseconds(-400)), // Messenger: same second, truncated
            new("z-1", false, "cảm ơn", queued.AddMinutes(-1)),
            new("oa-1", true, "Hồ sơ cần bổ sung", queued.AddMinutes(-2)),
            new("oa-0", true, "Hồ sơ đã tiếp nhận"),                                  // undated
        ];

        Assert.True(ShownReplies.AllAmongRecent(history, ["Hồ sơ đã chuyển xử lý"], queued));
        Assert.False(ShownReplies.AllAmongRecent(history, ["Hồ sơ cần bổ sung"], queued));
        Assert.False(ShownReplies.AllAmongRecent(history, ["Hồ sơ đã tiếp nhận"], queued));
    }

    [Fact]
    public void Text_is_compared_as_nfc_and_a_reply_without_text_is_never_confirmed()
    {
        var decomposed = "Cảm ơn".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(1, ShownReplies.CountInOrder([decomposed], ["Cảm ơn"]));
        Assert.Equal(0, ShownReplies.CountInOrder([null, "Cảm ơn"], [null, "Cảm ơn"]));
        Assert.Equal(0, ShownReplies.CountInOrder(["Cảm ơn"], []));
    }
}

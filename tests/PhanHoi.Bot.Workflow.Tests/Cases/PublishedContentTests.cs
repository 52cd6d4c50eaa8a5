using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Tests.Cases;

public sealed class PublishedContentTests
{
    [Theory]
    [InlineData("Gọi 0912 345 678 khi đến.", "Gọi *** khi đến.")]
    [InlineData("SĐT +84912345678, MST 0100109106-001.", "SĐT ***, MST ***.")]
    [InlineData("CCCD 038095001234 của tôi.", "CCCD *** của tôi.")]
    [InlineData("Hẹn 20/11/2026, số nhà 120, 2 triệu đồng.", "Hẹn 20/11/2026, số nhà 120, 2 triệu đồng.")]
    public void Phone_id_and_tax_numbers_are_masked_other_numbers_kept(string content, string published) =>
        Assert.Equal(published, PublishedContent.Of(content));

    [Fact]
    public void Supplements_are_not_published()
    {
        var content = "Đèn đường hỏng ở ngõ 5." + PublishedContent.SupplementMarker + "01/12/2026] Tôi là Lê Văn Ba, nhà số 7.";

        Assert.Equal("Đèn đường hỏng ở ngõ 5.", PublishedContent.Of(content));
    }
}

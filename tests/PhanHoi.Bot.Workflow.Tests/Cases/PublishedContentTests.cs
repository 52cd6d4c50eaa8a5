using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Tests.Cases;

public sealed class PublishedContentTests
{
    [Theory]
    [InlineData("Gọi 0912 345 678 khi đến.", "Gọi *** khi đến.")]
    [InlineData("SĐT +84912345678, MST 0100109106-001.", "SĐT ***, MST ***.")]
    [InlineData("CCCD 038095001234 của tôi.", "CCCD *** của tôi.")]
    [InlineData("Hẹn 20/11/2026, số nhà 120, 2 triệu đồng.", "Hẹn 20/11/2026, số nhà 120, 2 triệu đồng.")]
    [InlineData("Gọi (0237) 385 2111 giờ hành chính.", "Gọi *** giờ hành chính.")]
    [InlineData("Số 0912/345/678 hoặc 0912_345_681.", "Số *** hoặc ***.")]
    [InlineData("Số 0912  345  680, thư nguyenvana@gmail.com.", "Số ***, thư ***.")]
    [InlineData("Từ ngày 01/12/2026 đến 05/12/2026, dự án 150.000.000.000 đồng.", "Từ ngày 01/12/2026 đến 05/12/2026, dự án 150.000.000.000 đồng.")]
    [InlineData("CMND 186.123.456, CCCD 038.090.001.234, số 84.912.345.678.", "CMND ***, CCCD ***, số ***.")] // grouped like money, but no amount
    [InlineData("Thu 1.500.000.000 VNĐ và 2.000.000 đ.", "Thu 1.500.000.000 VNĐ và 2.000.000 đ.")]
    public void Phone_id_and_tax_numbers_are_masked_other_numbers_kept(string content, string published) =>
        Assert.Equal(published, PublishedContent.Of(content));

    [Fact]
    public void Masked_keeps_the_supplements_and_masks_them_too()
    {
        var content = "Đèn đường hỏng ở ngõ 5." + PublishedContent.SupplementMarker + "01/12/2026] Tôi là Lê Văn Ba, 0988 123 456.";

        Assert.Equal("Đèn đường hỏng ở ngõ 5." + PublishedContent.SupplementMarker + "01/12/2026] Tôi là Lê Văn Ba, ***.", PublishedContent.Masked(content));
        Assert.Null(PublishedContent.MaskedOrNull(null));
    }

    [Fact]
    public void Supplements_are_not_published()
    {
        var content = "Đèn đường hỏng ở ngõ 5." + PublishedContent.SupplementMarker + "01/12/2026] Tôi là Lê Văn Ba, nhà số 7.";

        Assert.Equal("Đèn đường hỏng ở ngõ 5.", PublishedContent.Of(content));
    }
}

using PhanHoi.Bot.Channels.DirectLine;

namespace PhanHoi.Bot.Channels.Tests.DirectLine;

public sealed class UploadSnifferTests
{
    [Theory]
    [InlineData("image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 })]
    [InlineData("image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData("IMAGE/GIF", new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })]
    [InlineData("application/pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 })]
    public void A_file_whose_first_bytes_match_its_type_is_accepted(string contentType, byte[] content) =>
        Assert.True(UploadSniffer.Matches(contentType, content));

    [Fact]
    public void A_page_declared_as_a_photo_is_refused()
    {
        Assert.False(UploadSniffer.Matches("image/png", "<html><script>alert(1)</script>"u8));
        Assert.False(UploadSniffer.Matches("text/html", "<html></html>"u8));
        Assert.False(UploadSniffer.Matches("image/jpeg", []));
    }
}

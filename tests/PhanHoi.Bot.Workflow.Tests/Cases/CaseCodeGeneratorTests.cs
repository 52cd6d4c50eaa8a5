using PhanHoi.Bot.Workflow.Cases;

namespace PhanHoi.Bot.Workflow.Tests.Cases;

public sealed class CaseCodeGeneratorTests
{
    [Fact]
    public void New_codes_are_short_readable_and_distinct()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => CaseCodeGenerator.NewCode()).ToList();

        Assert.All(codes, c => Assert.Matches("^TH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("th-4k7p-9xq2", "TH-4K7P-9XQ2")]
    [InlineData("TH4K7P9XQ2", "TH-4K7P-9XQ2")]
    [InlineData(" th 4k7p 9xq2 ", "TH-4K7P-9XQ2")]
    [InlineData("4K7P-9XQ2", "TH-4K7P-9XQ2")]
    [InlineData("TH-4K7P-9XQO", "TH-4K7P-9XQ0")]
    [InlineData("TH-4K7P-9XQl", "TH-4K7P-9XQ1")]
    public void Typed_codes_are_accepted_in_any_case_with_or_without_dashes(string typed, string expected)
    {
        Assert.Equal(expected, CaseCodeGenerator.Normalize(typed));
        Assert.True(CaseCodeGenerator.IsWellFormed(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("TH-4K7P-9XQ")]
    public void Text_that_is_not_a_code_is_not_well_formed(string typed) => Assert.False(CaseCodeGenerator.IsWellFormed(typed));
}

namespace PhanHoi.Bot.Dialogs.Prompts;

/// <summary>
/// The shapes of a Vietnamese tax code (SPEC §2): 10 digits whose last is the check digit, 13 as
/// <c>10digits-3digits</c> for branches, or a 12-digit personal identification number.
/// </summary>
public sealed class TaxCodeFormatValidator : ITaxCodeValidator
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public bool IsValid(string taxCode)
    {
        if (string.IsNullOrEmpty(taxCode))
        {
            return false;
        }

        if (taxCode.Length == 12 && taxCode.All(char.IsAsciiDigit))
        {
            return true;
        }

        if (taxCode.Length == 14 && taxCode[10] == '-')
        {
            return IsTenDigit(taxCode[..10]) && taxCode[11..].All(char.IsAsciiDigit) && taxCode[11..] != "000";
        }

        return taxCode.Length == 10 && IsTenDigit(taxCode);
    }

    private static bool IsTenDigit(string code)
    {
        if (code.Length != 10 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (code[i] - '0') * Weights[i];
        }

        var check = 10 - (sum % 11);
        return check < 10 && check == code[9] - '0';
    }
}

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>The regulation's time limits, in working days (SPEC §3; QĐ 115/2025 Art. 10–13).</summary>
public static class LegalTerms
{
    /// <summary>Reception triages a PAKN (accept, ask to supplement, reject, close) within 2 working days.</summary>
    public const int TriageDays = 2;

    /// <summary>The handling agency processes and sends the result within 10 working days of assignment.</summary>
    public const int ResolveDays = 10;

    /// <summary>An agency asked to coordinate gives its opinion within 5 working days.</summary>
    public const int CoordinationDays = 5;

    /// <summary>Reception publishes the result and sends it to the citizen within 1 working day.</summary>
    public const int PublishDays = 1;

    /// <summary>The citizen may rebut a result once, within 10 working days of receiving it.</summary>
    public const int RebuttalDays = 10;

    /// <summary>The answering agency reviews a rebuttal within 10 working days.</summary>
    public const int RebuttalReviewDays = 10;

    /// <summary>Longest free text accepted in any action (answers, reasons, supplements).</summary>
    public const int MaxTextLength = 10_000;
}

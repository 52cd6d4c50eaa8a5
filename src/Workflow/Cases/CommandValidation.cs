using System.Collections.Immutable;

namespace PhanHoi.Bot.Workflow.Cases;

/// <summary>Required and bounded input of each action; errors are keyed by the JSON field names of CONTRACT.md.</summary>
public static class CommandValidation
{
    public static ImmutableDictionary<string, string[]> Errors(CaseCommand command)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string[]>();
        switch (command)
        {
            case AnswerDirectlyCommand c: Text(errors, "answer", c.Answer); break;
            case RequestInfoCommand c: Text(errors, "message", c.Message); break;
            case RejectCommand c: Text(errors, "reason", c.Reason); break;
            case CloseCommand c:
                Optional(errors, "note", c.Note);
                if (!Enum.IsDefined(c.Kind))
                {
                    errors["kind"] = ["kind is thanks, obsolete or withdrawn."];
                }

                break;
            case AcceptCommand c: Optional(errors, "note", c.Note); break;
            case TransferCommand c: Text(errors, "reason", c.Reason); break;
            case AssignCommand c: Text(errors, "agencyCode", c.AgencyCode); break;
            case CoordinateCommand c:
                Text(errors, "request", c.Request);
                if (c.AgencyCodes.IsDefaultOrEmpty || c.AgencyCodes.Any(PlainText.IsBlank))
                {
                    errors["agencyCodes"] = ["Name at least one agency, none blank."];
                }

                break;
            case CoordinationReplyCommand c: Text(errors, "opinion", c.Opinion); break;
            case ExplainDelayCommand c: Text(errors, "reason", c.Reason); break;
            case ResolveCommand c: Text(errors, "answer", c.Answer); break;
            case CancelAnswerCommand c: Text(errors, "reason", c.Reason); break;
            case RebuttalAnswerCommand c: Text(errors, "answer", c.Answer); break;
            case SupplementCommand c:
                if (PlainText.IsBlank(c.Text) && c.Attachments.IsDefaultOrEmpty)
                {
                    errors["text"] = ["A supplement needs text or an attachment."];
                }

                Optional(errors, "text", c.Text);
                break;
            case RebutCommand c: Text(errors, "text", c.Text); break;
            case RateCommand c when c.Score is < 1 or > 5: errors["score"] = ["score is 1 to 5."]; break;
        }

        return errors.ToImmutable();
    }

    /// <summary>What every PAKN must hold (Art. 7): content, category, the sender's name and phone, a consenting proxy.</summary>
    public static ImmutableDictionary<string, string[]> Errors(NewCase input)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string[]>();
        Text(errors, "category", input.Category);
        Text(errors, "content", input.Content);
        Text(errors, "citizen.name", input.Citizen.Name);
        Text(errors, "citizen.phone", input.Citizen.Phone);
        if (input.Citizen.Proxy is { } proxy)
        {
            Text(errors, "citizen.proxy.name", proxy.Name);
            Text(errors, "citizen.proxy.address", proxy.Address);
            Text(errors, "citizen.proxy.phone", proxy.Phone);
            Text(errors, "citizen.proxy.reason", proxy.Reason);
            if (!proxy.Consent)
            {
                errors["citizen.proxy.consent"] = ["Sending on someone's behalf needs their explicit consent (Art. 7.7)."];
            }
        }

        return errors.ToImmutable();
    }

    private static void Text(ImmutableDictionary<string, string[]>.Builder errors, string field, string? value)
    {
        if (PlainText.IsBlank(value))
        {
            errors[field] = [$"{field} is required."];
        }
        else
        {
            Optional(errors, field, value);
        }
    }

    private static void Optional(ImmutableDictionary<string, string[]>.Builder errors, string field, string? value)
    {
        if (value is { Length: > LegalTerms.MaxTextLength })
        {
            errors[field] = [$"{field} is longer than {LegalTerms.MaxTextLength} characters."];
        }
    }
}

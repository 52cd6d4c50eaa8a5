using System.Text.Json.Nodes;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.State;

/// <summary>
/// Personal data collected mid-dialog (name, phone, tax code, proxy details: the answers of <c>personal: true</c>
/// prompts) is encrypted with the workflow's <see cref="IPersonalDataProtector"/> in both places a dialog keeps it:
/// its collected values and the variables its waiting prompt renders with; and the last turn's replies, which may
/// repeat them (the summary before filing).
/// </summary>
public sealed class ConversationDataProtection(IPersonalDataProtector protector, IReadOnlySet<string> personalNames) : IStateProtection<ConversationData>
{
    internal const string Marker = "pd1:";

    public void Protect(ConversationData value, IDictionary<string, string> known) => Transform(value, text =>
    {
        if (text.StartsWith(Marker, StringComparison.Ordinal))
        {
            return text;
        }

        if (!known.TryGetValue(text, out var sealedText))
        {
            sealedText = Marker + protector.Protect(text);
            known[text] = sealedText;
        }

        return sealedText;
    });

    public void Unprotect(ConversationData value, IDictionary<string, string> known) => Transform(value, text =>
    {
        if (!text.StartsWith(Marker, StringComparison.Ordinal))
        {
            return text;
        }

        var clear = protector.Unprotect(text[Marker.Length..]);
        known[clear] = text;
        return clear;
    });

    private void Transform(ConversationData value, Func<string, string> change)
    {
        if (value.LastTurn is { } journal)
        {
            journal.Replies = change(journal.Replies);
        }

        if (personalNames.Count == 0)
        {
            return;
        }

        foreach (var instance in value.Stack)
        {
            if (instance.Values is { } values)
            {
                foreach (var name in personalNames)
                {
                    if (values[name] is JsonValue node && node.TryGetValue<string>(out var text))
                    {
                        values[name] = change(text);
                    }
                }
            }

            if (instance.Variables is { } variables)
            {
                foreach (var name in personalNames)
                {
                    if (variables.TryGetValue(name, out var text))
                    {
                        variables[name] = change(text);
                    }
                }
            }
        }
    }
}

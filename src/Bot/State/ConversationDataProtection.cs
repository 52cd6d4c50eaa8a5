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

    public void Protect(ConversationData value, KnownSecrets known)
    {
        string Seal(string text)
        {
            if (known.IsSealed(text))
            {
                return text; // an answer that only looks sealed ("pd1:…" typed by a citizen) is sealed like any other
            }

            if (!known.TryGetSealed(text, out var sealedText))
            {
                sealedText = Marker + protector.Protect(text);
                known.Remember(text, sealedText);
            }

            return sealedText;
        }

        if (value.LastTurn is { } journal)
        {
            journal.Replies = Seal(journal.Replies);
        }

        TransformAnswers(value, Seal);
    }

    /// <summary>
    /// Opens the answers. The last turn's replies stay sealed unless this turn sealed them: only a replay reads them
    /// (<see cref="TurnJournal.ReadReplies"/> opens them then), and every other turn replaces them.
    /// </summary>
    public void Unprotect(ConversationData value, KnownSecrets known)
    {
        string Open(string text)
        {
            if (!text.StartsWith(Marker, StringComparison.Ordinal))
            {
                return text;
            }

            if (!known.TryGetClear(text, out var clear))
            {
                clear = protector.Unprotect(text[Marker.Length..]);
                known.Remember(clear, text);
            }

            return clear;
        }

        if (value.LastTurn is { } journal && journal.Replies.StartsWith(Marker, StringComparison.Ordinal))
        {
            if (known.TryGetClear(journal.Replies, out var clear))
            {
                journal.Replies = clear;
            }
            else
            {
                known.KeepSealed(journal.Replies);
                journal.Open = Open;
            }
        }

        TransformAnswers(value, Open);
    }

    /// <summary>The personal answers in the dialogs' collected values and their waiting prompts' variables.</summary>
    private void TransformAnswers(ConversationData value, Func<string, string> change)
    {
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
                    if (values[name] is JsonValue node && node.TryGetValue<string>(out var text) && change(text) is var changed
                        && !ReferenceEquals(changed, text))
                    {
                        values[name] = changed;
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

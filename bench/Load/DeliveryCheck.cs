namespace PhanHoi.Bot.Bench.Load;

/// <summary>
/// After a run: did every acknowledged message produce its replies exactly once, in order? Each citizen's log at the
/// fake platform is compared with the calibrated replies of the turns the service acknowledged; the last turn's
/// reply and the outbox's filing notice may come in either order.
/// </summary>
public sealed class DeliveryCheck
{
    private int described;

    public int Acked { get; private set; }

    public int Answered { get; private set; }

    public int Lost { get; private set; }

    public int Duplicated { get; private set; }

    public int OrderViolations { get; private set; }

    public static DeliveryCheck Of(IEnumerable<CitizenRecord> citizens, ReplyInbox inbox, TurnShapes shapes)
    {
        var check = new DeliveryCheck();
        foreach (var citizen in citizens)
        {
            check.Acked += citizen.Acked;
            check.Answered += citizen.Answered;
            var turns = shapes.Scripts.For(DialogScripts.NumberOf(citizen.Kind)).Count;
            var ordered = new List<string>();
            var tail = new List<string>();
            for (var i = 0; i < citizen.Acked; i++)
            {
                (i == turns - 1 ? tail : ordered).AddRange(shapes.RepliesFor(citizen.Kind, i));
            }

            if (citizen.Acked == turns && shapes.FilingNotice.Length > 0)
            {
                tail.Add(shapes.FilingNotice);
            }

            var actual = inbox.Log(citizen.User).Select(ReplySignature.Of).ToList();
            var missing = Subtract([.. ordered, .. tail], actual);
            var extra = Subtract(actual, [.. ordered, .. tail]);
            check.Lost += missing;
            check.Duplicated += extra;
            if (missing == 0 && extra == 0 && !actual.Take(ordered.Count).SequenceEqual(ordered))
            {
                check.OrderViolations++;
                if (check.OrderViolations <= 3)
                {
                    Console.Error.WriteLine($"order: {citizen.User} got [{string.Join(" | ", actual.Select(Short))}]");
                }
            }
            else if ((missing > 0 || extra > 0) && ++check.described <= 8)
            {
                var expected = ordered.Concat(tail).ToList();
                Console.Error.WriteLine(
                    $"{citizen.User} ({citizen.Kind}, {citizen.Acked} acked, {actual.Count}/{expected.Count} replies): "
                    + $"missing [{string.Join(" | ", expected.Where(e => !actual.Contains(e)).Select(Short))}] "
                    + $"extra [{string.Join(" | ", actual.Where(a => !expected.Contains(a) || actual.Count(x => x == a) > expected.Count(x => x == a)).Distinct().Select(Short))}]");
            }
        }

        return check;
    }

    private static string Short(string signature)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(signature);
        return text.Length > 70 ? text[..70] : text;
    }

    /// <summary>How many of <paramref name="from"/> are not matched one for one in <paramref name="what"/>.</summary>
    private static int Subtract(IEnumerable<string> from, IEnumerable<string> what)
    {
        var counts = what.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var left = 0;
        foreach (var item in from)
        {
            if (counts.TryGetValue(item, out var n) && n > 0)
            {
                counts[item] = n - 1;
            }
            else
            {
                left++;
            }
        }

        return left;
    }
}

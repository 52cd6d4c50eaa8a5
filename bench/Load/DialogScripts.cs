namespace PhanHoi.Bot.Bench.Load;

/// <summary>One answer a simulated citizen types, and whether the bot should re-prompt it (an invalid input).</summary>
public sealed record Turn(string Text, bool ExpectRetry = false);

/// <summary>
/// The intake dialog mix of BENCH.md: 70 % plain, 20 % with a tax code, 10 % on behalf of someone with one invalid
/// phone retry. Answers use natural Vietnamese with and without diacritics. Two dialogs: PhanHoi.Bot's own
/// (<c>phanhoi</c>, 10.8 turns on average: a category, evidence, and consent, address and reason when on behalf) and
/// BENCH.md's (<c>bench</c>, 8.5 turns), which only the peer in <c>bench/Peer</c> speaks.
/// </summary>
public sealed class DialogScripts
{
    private readonly Turn[] plain;
    private readonly Turn[] tax;
    private readonly Turn[] proxy;

    private DialogScripts(Turn[] plain, Turn[] tax, Turn[] proxy)
    {
        this.plain = plain;
        this.tax = tax;
        this.proxy = proxy;
    }

    /// <summary><c>phanhoi</c> (ours) or <c>bench</c> (BENCH.md's).</summary>
    public static DialogScripts Named(string dialog) => dialog switch
    {
        "phanhoi" => Ours,
        "bench" => BenchMd,
        _ => throw new ArgumentException($"Unknown dialog '{dialog}': phanhoi or bench.", nameof(dialog)),
    };

    public IReadOnlyList<Turn> For(int dialogNumber) => (dialogNumber % 10) switch
    {
        < 7 => plain,
        < 9 => tax,
        _ => proxy,
    };

    public static string KindOf(int dialogNumber) => (dialogNumber % 10) switch
    {
        < 7 => "plain",
        < 9 => "tax",
        _ => "proxy",
    };

    /// <summary>A dialog number of that kind.</summary>
    public static int NumberOf(string kind) => kind switch
    {
        "plain" => 0,
        "tax" => 7,
        _ => 9,
    };

    private const string Content =
        "Đèn chiếu sáng trên đường Bà Triệu, phường Hạc Thành bị hỏng hơn một tuần, buổi tối rất nguy hiểm cho người đi đường.";

    private static readonly Turn[] Opening =
    [
        new("xin chào"),
        new("Gửi phản ánh"),
        new("1"),
        new(Content),
        new("bỏ qua"),
        new("Lê Văn Nam"),
    ];

    private static readonly Turn[] Plain =
    [
        .. Opening,
        new("0912 345 678"),
        new("khong"),
        new("ko"),
        new("gửi"),
    ];

    private static readonly Turn[] Tax =
    [
        .. Opening,
        new("0912345678"),
        new("có"),
        new("0100109106"),
        new("khong"),
        new("dong y"),
    ];

    private static readonly Turn[] Proxy =
    [
        .. Opening,
        new("0912345678"),
        new("không"),
        new("co"),
        new("đồng ý"),
        new("Lê Thị Mai"),
        new("Số 5 Lê Lợi, phường Hạc Thành"),
        new("0123", ExpectRetry: true),
        new("0987654321"),
        new("Mẹ tôi cao tuổi, không dùng điện thoại"),
        new("giữ kín"),
    ];

    // BENCH.md: greet → "Gửi phản ánh" → name → phone → tax? → on behalf? → content → confirm
    private static readonly Turn[] BenchOpening =
    [
        new("xin chào"),
        new("Gửi phản ánh"),
        new("Lê Văn Nam"),
    ];

    private static readonly Turn[] BenchPlain =
    [
        .. BenchOpening,
        new("0912 345 678"),
        new("khong"),
        new("ko"),
        new(Content),
        new("gửi"),
    ];

    private static readonly Turn[] BenchTax =
    [
        .. BenchOpening,
        new("0912345678"),
        new("có"),
        new("0100109106"),
        new("khong"),
        new(Content),
        new("dong y"),
    ];

    private static readonly Turn[] BenchProxy =
    [
        .. BenchOpening,
        new("0912345678"),
        new("không"),
        new("co"),
        new("Lê Thị Mai"),
        new("0123", ExpectRetry: true),
        new("0987654321"),
        new(Content),
        new("giữ kín"),
    ];

    private static readonly DialogScripts Ours = new(Plain, Tax, Proxy);

    private static readonly DialogScripts BenchMd = new(BenchPlain, BenchTax, BenchProxy);
}

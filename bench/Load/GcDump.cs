using System.Diagnostics;

namespace PhanHoi.Bot.Bench.Load;

/// <summary>Runs <c>dotnet-gcdump</c> (optional, <c>--gcdump path</c>) on the service and prints its heap report to stderr.</summary>
public static class GcDump
{
    public static async Task CollectAsync(string tool, int pid)
    {
        var file = Path.Combine(Path.GetTempPath(), $"phanhoi-{pid}.gcdump");
        await RunAsync(tool, ["collect", "-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", file]);
        var report = await RunAsync(tool, ["report", file]);
        foreach (var line in report.Split('\n').Take(40))
        {
            Console.Error.WriteLine("[gcdump] " + line);
        }
    }

    private static async Task<string> RunAsync(string tool, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}

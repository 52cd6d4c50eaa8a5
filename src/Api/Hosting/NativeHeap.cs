using System.Runtime.InteropServices;

namespace PhanHoi.Bot.Api.Hosting;

/// <summary>
/// The C library's allocator (SQLite's page caches, OpenSSL, the runtime's own native allocations) keeps freed memory
/// in per-thread arenas; on glibc <c>malloc_trim</c> hands the unused pages back. Elsewhere it does nothing.
/// </summary>
internal static partial class NativeHeap
{
    private static bool unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (unavailable)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true; // musl (Alpine) has no malloc_trim
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}

using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace PhanHoi.Bot.Api.Webhooks;

/// <summary>
/// Runs inbox turns on a few dedicated threads at a lower operating-system priority than the thread pool, so under
/// load a webhook's acknowledgement (and the completion of a reply the platform just accepted) never waits behind
/// the dialog work of other citizens' turns: the kernel gives the pool's threads the CPU first. The turns' own awaits
/// come back here (this is their <see cref="TaskScheduler.Current"/>).
/// </summary>
public sealed class TurnScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> queue = [];
    private readonly Thread[] threads;
    private readonly int nice;

    [ThreadStatic]
    private static TurnScheduler? running;

    public TurnScheduler(int threadCount, int nice)
    {
        this.nice = nice;
        threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = $"turn-{i}" };
            threads[i].Start();
        }
    }

    public override int MaximumConcurrencyLevel => threads.Length;

    /// <summary>Starts <paramref name="work"/> on these threads; its awaits resume here.</summary>
    public Task Run(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    public void Dispose()
    {
        queue.CompleteAdding();
        foreach (var thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        queue.Dispose();
    }

    protected override void QueueTask(Task task) => queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        running == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Work()
    {
        running = this;
        LowerPriority(nice);
        foreach (var task in queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    /// <summary>Linux allows any thread to lower its own priority (raise its nice value); elsewhere this does nothing.</summary>
    private static void LowerPriority(int nice)
    {
        if (nice <= 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetPriority(0 /* PRIO_PROCESS: a thread id on Linux */, GetThreadId(), nice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // no libc to ask: the turns run at normal priority
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();
}

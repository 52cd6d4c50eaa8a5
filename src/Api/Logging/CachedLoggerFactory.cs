using System.Collections.Concurrent;

namespace PhanHoi.Bot.Api.Logging;

/// <summary>
/// One logger per category, as Microsoft's own factory keeps them. Serilog's factory builds a new logger (and its
/// caches) on every call, and the framework asks for one on every request (each <c>IResult</c>, each authentication
/// handler): under load that was a steady stream of garbage.
/// </summary>
internal sealed class CachedLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, static (category, factory) => factory.CreateLogger(category), inner);

    public void AddProvider(ILoggerProvider provider)
    {
        inner.AddProvider(provider);
        loggers.Clear();
    }

    public void Dispose() => inner.Dispose();
}

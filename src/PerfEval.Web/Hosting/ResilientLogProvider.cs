using Hangfire.Logging;

namespace PerfEval.Web.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide (static), while each host has its own logger factory. When one host in a
/// process stops (as each test class's host does), its factory is disposed; this provider then hands out silent
/// loggers instead of letting Hangfire components of the hosts still running fail on the disposed factory.
/// </summary>
internal sealed class ResilientLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static SilentLog Instance { get; } = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception? exception = null) => false;
    }
}

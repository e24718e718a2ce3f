using System.Runtime.InteropServices;

namespace Creatio.AccessControl.Benchmarks.FileOrder;

/// <summary>The processor time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), in nanoseconds: on a machine
/// shared with other work a loop's elapsed time includes the time the thread waited for a core, its processor time does
/// not.</summary>
internal static class ThreadClock
{
    private const int ThreadCpuTimeClock = 3;

    /// <summary>Gets whether the thread's processor time can be read here (Linux).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Returns the thread's processor time in nanoseconds, or 0 where it cannot be read.</summary>
    public static long Nanoseconds() => IsAvailable && TryRead(out long value) ? value : 0;

    private static bool TryRead(out long nanoseconds)
    {
        try
        {
            if (ClockGetTime(ThreadCpuTimeClock, out Timespec time) == 0)
            {
                nanoseconds = (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        nanoseconds = 0;
        return false;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

namespace Creatio.AccessControl.Cli;

/// <summary>Compiles a validated model for the commands that decide requests.</summary>
internal static class Snapshots
{
    /// <summary>Compiles the model; a model the builder accepts but the engine cannot compile (for instance a support
    /// grant whose window falls outside the calendar) is reported as an invalid policy rather than a crash.</summary>
    /// <exception cref="AccessModelValidationException">The engine refused the model.</exception>
    public static AccessSnapshot Compile(AccessModel model)
    {
        try
        {
            return AccessSnapshot.Compile(model);
        }
        catch (Exception exception) when (exception is ArgumentOutOfRangeException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new AccessModelValidationException(
            [
                new AccessModelError(AccessModelErrorCode.InvalidValue, $"$: The engine cannot compile the policy: {exception.Message}", []) { Path = "$" },
            ]);
        }
    }
}

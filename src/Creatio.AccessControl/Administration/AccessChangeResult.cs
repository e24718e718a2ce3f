namespace Creatio.AccessControl;

/// <summary>The outcome of applying a change or a batch of changes.</summary>
/// <param name="IsApplied">Whether the whole batch was applied and published.</param>
/// <param name="Version">The version of the snapshot that holds the change; when refused, the current version.</param>
/// <param name="Refusal">Why the batch was refused, or <see cref="AccessChangeRefusal.None"/>.</param>
/// <param name="Message">A one-line description of the refusal; empty when applied.</param>
/// <param name="ChangeIndex">The index in the batch of the change that was refused, or -1.</param>
/// <param name="Decision">The permission decision that refused the change, when <see cref="AccessChangeRefusal.NotPermitted"/>.</param>
/// <param name="Errors">The model problems, when <see cref="AccessChangeRefusal.InvalidModel"/>; otherwise empty.</param>
public sealed record AccessChangeResult(
    bool IsApplied,
    long Version,
    AccessChangeRefusal Refusal,
    string Message,
    int ChangeIndex,
    AccessDecision Decision,
    IReadOnlyList<AccessModelError> Errors)
{
    internal static AccessChangeResult Applied(long version) =>
        new(true, version, AccessChangeRefusal.None, string.Empty, -1, default, []);

    internal static AccessChangeResult Refused(long version, AccessChangeRefusal refusal, string message, int index, AccessDecision decision = default, IReadOnlyList<AccessModelError>? errors = null) =>
        new(false, version, refusal, message, index, decision, errors ?? []);
}

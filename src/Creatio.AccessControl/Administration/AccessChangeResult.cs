namespace Creatio.AccessControl;

/// <summary>The outcome of applying a change or a batch of changes, or of checking whether it would be applied.</summary>
/// <remarks>A check (<see cref="IAccessAdministration.CheckBatch"/>) answers with <see cref="IsApplied"/>
/// <see langword="false"/> and, when the batch would be applied, <see cref="AccessChangeRefusal.None"/>: test
/// <see cref="IsRefused"/>.</remarks>
public sealed record AccessChangeResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="IsApplied">Whether the whole batch was applied and published.</param>
    /// <param name="Version">The version of the snapshot that holds the change; when refused or checked, the version the
    /// answer was given on.</param>
    /// <param name="Refusal">Why the batch was refused, or <see cref="AccessChangeRefusal.None"/>.</param>
    /// <param name="Message">A one-line description of the refusal; empty when applied.</param>
    /// <param name="ChangeIndex">The index in the batch of the change that was refused, or -1.</param>
    /// <param name="Decision">The permission decision that refused the change, when <see cref="AccessChangeRefusal.NotPermitted"/>.</param>
    /// <param name="Errors">The model problems, when <see cref="AccessChangeRefusal.InvalidModel"/>; otherwise empty.</param>
    public AccessChangeResult(
        bool IsApplied,
        long Version,
        AccessChangeRefusal Refusal,
        string Message,
        int ChangeIndex,
        AccessDecision Decision,
        IReadOnlyList<AccessModelError> Errors)
    {
        this.IsApplied = IsApplied;
        this.Version = Version;
        this.Refusal = Refusal;
        this.Message = Message;
        this.ChangeIndex = ChangeIndex;
        this.Decision = Decision;
        this.Errors = Errors;
    }

    /// <summary>Gets a value indicating whether the whole batch was applied and published.</summary>
    public bool IsApplied { get; init; }

    /// <summary>Gets the version of the snapshot that holds the change; when refused or checked, the version the answer was
    /// given on.</summary>
    public long Version { get; init; }

    /// <summary>Gets why the batch was refused, or <see cref="AccessChangeRefusal.None"/>.</summary>
    public AccessChangeRefusal Refusal { get; init; }

    /// <summary>Gets a one-line description of the refusal; empty when applied.</summary>
    public string Message { get; init; }

    /// <summary>Gets the index in the batch of the change that was refused, or -1.</summary>
    public int ChangeIndex { get; init; }

    /// <summary>Gets the permission decision that refused the change, when <see cref="AccessChangeRefusal.NotPermitted"/>.</summary>
    public AccessDecision Decision { get; init; }

    /// <summary>Gets the model problems, when <see cref="AccessChangeRefusal.InvalidModel"/>; otherwise empty.</summary>
    public IReadOnlyList<AccessModelError> Errors { get; init; }

    /// <summary>Gets a value indicating whether the batch was refused (<see cref="Refusal"/> is not
    /// <see cref="AccessChangeRefusal.None"/>); a check that is not refused means the batch would be applied now.</summary>
    public bool IsRefused => Refusal != AccessChangeRefusal.None;

    internal static AccessChangeResult Applied(long version) =>
        new(true, version, AccessChangeRefusal.None, string.Empty, -1, default, []);

    internal static AccessChangeResult Permitted(long version) =>
        new(false, version, AccessChangeRefusal.None, string.Empty, -1, default, []);

    internal static AccessChangeResult Refused(long version, AccessChangeRefusal refusal, string message, int index, AccessDecision decision = default, IReadOnlyList<AccessModelError>? errors = null) =>
        new(false, version, refusal, message, index, decision, errors ?? []);
}

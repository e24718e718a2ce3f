namespace Creatio.AccessControl;

/// <summary>Reloads the policy file registered with <c>UsePolicyFile</c> and reports how the last reload went.</summary>
/// <remarks>
/// <para>A reload reads and validates the whole file, applies the <see cref="AccessControlOptions"/> settings overrides,
/// compiles it and publishes it as a new snapshot version of <see cref="IAccessEvaluator"/>, through the evaluator's one
/// serialized publish path (<see cref="AccessEvaluator.PublishAsync"/>): it never races a change made through
/// <see cref="IAccessAdministration"/>, which lands before the reload or after it. A reload that fails, whatever it fails
/// with, changes nothing: the evaluator keeps its snapshot, and <see cref="LastReloadError"/> says why.</para>
/// <para>The policy file is the source of truth. Changes made through <see cref="IAccessAdministration"/> are not written
/// to it: they live in memory only, and a reload replaces them with what the file holds (the audit log keeps them, and the
/// reload logs a warning naming the versions it replaced). To keep a change, write it to the file.</para>
/// <para>When the file is registered with reloading on, a watcher polls it and calls <see cref="ReloadAsync"/> when its last
/// write time or length changes. Implementations are safe for concurrent use.</para>
/// </remarks>
public interface IAccessPolicyReloadStatus
{
    /// <summary>Gets the full path of the policy file, or <see langword="null"/> when the model does not come from a file.</summary>
    string? PolicyFilePath { get; }

    /// <summary>Gets when the last reload was attempted, on the container's <see cref="TimeProvider"/>, or
    /// <see langword="null"/> when none was.</summary>
    DateTimeOffset? LastReloadAt { get; }

    /// <summary>Gets why the last reload failed, or <see langword="null"/> when it succeeded or none was attempted.</summary>
    /// <remarks>Whatever the reload failed with: an <see cref="AccessModelValidationException"/> lists every problem of an
    /// invalid file; an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> says why the file could not be
    /// read; any other exception is kept as it was thrown. The next reload that succeeds clears it.</remarks>
    Exception? LastReloadError { get; }

    /// <summary>Reads the policy file again and, if it is valid, publishes it as a new snapshot version that replaces the
    /// current one whole.</summary>
    /// <param name="cancellationToken">Cancels the reload; a cancelled reload publishes nothing and leaves
    /// <see cref="LastReloadAt"/> and <see cref="LastReloadError"/> as they were.</param>
    /// <returns><see langword="true"/> if a new snapshot was published; <see langword="false"/> if the reload failed (see
    /// <see cref="LastReloadError"/>) or the model does not come from a file.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="ObjectDisposedException">The container that owns the service has been disposed.</exception>
    ValueTask<bool> ReloadAsync(CancellationToken cancellationToken = default);
}

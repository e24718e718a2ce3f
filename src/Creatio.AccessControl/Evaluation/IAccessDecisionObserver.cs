namespace Creatio.AccessControl;

/// <summary>Told of the denies of the evaluator's one-shot checks (<see cref="AccessEvaluator.CheckObject"/> and the
/// other <c>Check…</c> methods that take a <see cref="UserId"/>); the audit log's denied-operation event is one.</summary>
/// <remarks>
/// <para>The evaluator calls it only when one is given and only for a deny; checks asked on an
/// <see cref="AccessPrincipal"/> directly are not observed. An evaluator without an observer pays nothing for it.</para>
/// <para>It runs on the checking thread, inside the check: it must be safe for concurrent use, quick, and must not throw
/// (an exception would reach the caller of the check).</para>
/// </remarks>
public interface IAccessDecisionObserver
{
    /// <summary>Called after a one-shot check denied.</summary>
    /// <param name="principal">The user, resolved in the snapshot the check was answered from.</param>
    /// <param name="request">The request.</param>
    /// <param name="decision">The deny.</param>
    /// <param name="at">The instant the check was made at.</param>
    void OnDenied(in AccessPrincipal principal, in AccessRequest request, AccessDecision decision, DateTimeOffset at);
}

namespace Creatio.AccessControl;

/// <summary>The library's entry point: answers access questions against the current snapshot at the current time.</summary>
/// <remarks>
/// <para>Each one-shot method resolves the user, which costs a dictionary lookup; to ask several questions in one
/// request, call <see cref="GetPrincipal(UserId)"/> once and ask the returned <see cref="AccessPrincipal"/>.</para>
/// <para>Checks never throw for data reasons: an unknown user, object, record, column or operation is a deny with its own
/// <see cref="AccessReason"/>. Implementations are safe for concurrent use.</para>
/// </remarks>
public interface IAccessEvaluator
{
    /// <summary>Gets the snapshot checks are answered from now.</summary>
    AccessSnapshot Snapshot { get; }

    /// <summary>Resolves a user in the current snapshot at the current time.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The principal; for an unknown user, one that is denied everything.</returns>
    AccessPrincipal GetPrincipal(UserId user);

    /// <summary>Checks an object operation.</summary>
    /// <param name="user">The user.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision.</returns>
    AccessDecision CheckObject(UserId user, ObjectName objectName, ObjectOperation operation);

    /// <summary>Checks an operation on one record.</summary>
    /// <param name="user">The user.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision.</returns>
    AccessDecision CheckRecord(UserId user, ObjectName objectName, RecordId record, RecordOperation operation);

    /// <summary>Checks an operation on a column, optionally of one record.</summary>
    /// <param name="user">The user.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="record">The record, or <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    AccessDecision CheckColumn(UserId user, ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record = null);

    /// <summary>Checks a system operation.</summary>
    /// <param name="user">The user.</param>
    /// <param name="operation">The operation's code.</param>
    /// <returns>The decision.</returns>
    AccessDecision CheckSystemOperation(UserId user, SystemOperationCode operation);

    /// <summary>Checks whether the user may share an operation on a record.</summary>
    /// <param name="user">The user.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation to share.</param>
    /// <returns>The decision.</returns>
    AccessDecision CheckShare(UserId user, ObjectName objectName, RecordId record, RecordOperation operation);

    /// <summary>Explains a request: every step, the rows it considered, which effective role matched.</summary>
    /// <param name="user">The user.</param>
    /// <param name="request">The request.</param>
    /// <returns>The explanation.</returns>
    AccessExplanation Explain(UserId user, in AccessRequest request);

    /// <summary>Resolves a support session in the current snapshot at the evaluator's clock: the grantor's permissions
    /// under a support grant (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
    /// <param name="grant">The support grant the session runs under.</param>
    /// <returns>A principal whose every decision is the grantor's decision followed by the support overlay; for an unknown,
    /// inactive, expired or not-yet-started grant, or one for another environment, a principal denied everything with that
    /// reason.</returns>
    /// <remarks>The principal keeps the instant it was resolved at: resolve it once per request.</remarks>
    AccessPrincipal GetSupportPrincipal(SupportGrantId grant);

    /// <summary>Answers whether a support grant allows a session now, in the current snapshot at the evaluator's clock.</summary>
    /// <param name="grant">The support grant.</param>
    /// <returns><see cref="AccessDecision.IsAllowed"/> with stage <see cref="AccessStage.SupportAccess"/> while the grant
    /// holds; otherwise a denial at that stage saying why (<see cref="AccessReason.SupportGrantExpired"/>,
    /// <see cref="AccessReason.SupportGrantInactive"/>, …).</returns>
    AccessDecision CheckSupportAccess(SupportGrantId grant);
}

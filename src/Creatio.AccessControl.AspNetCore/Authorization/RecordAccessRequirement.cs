using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Requires that the current principal may perform an operation on a record
/// (<see cref="AccessPrincipal.CheckRecord(ObjectName, RecordId, RecordOperation)"/>).</summary>
/// <remarks>
/// <para>The record is the resource: pass a <see cref="RecordId"/> to
/// <see cref="IAuthorizationService.AuthorizeAsync(System.Security.Claims.ClaimsPrincipal, object?, IEnumerable{IAuthorizationRequirement})"/>.
/// As endpoint metadata (<c>RequireRecordAccess</c>, <see cref="RequireRecordAccessAttribute"/>) the record is read from the
/// route value named <see cref="RouteValueName"/>; a request whose route value is missing or is not a GUID is denied.</para>
/// <para>A record of an object that keeps its records in the database (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>)
/// is read through the request's <see cref="IRecordRightReader"/> (registered by <c>UseEntityFrameworkCoreRecordRights</c> or
/// <c>UseRecordRights</c>) and decided by
/// <see cref="AccessPrincipal.CheckRecordAsync(IRecordRightReader, ObjectName, RecordId, RecordOperation, CancellationToken)"/>,
/// the read cancelled when the request is aborted. Without a reader, or when the reader throws, the request is denied
/// (<see cref="AccessReason.RecordKeptInDatabase"/>) and the log says why. Records held in memory are decided by the
/// synchronous check, without reading anything.</para>
/// <para>This type is immutable.</para>
/// </remarks>
public sealed class RecordAccessRequirement : IAuthorizationRequirement
{
    /// <summary>The route value a record id is read from by default: <c>id</c>.</summary>
    public const string DefaultRouteValueName = "id";

    /// <summary>Creates the requirement.</summary>
    /// <param name="objectName">The object the record belongs to.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="routeValueName">The route value the record id is read from when the endpoint itself is authorized.</param>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is <see langword="default"/>, or
    /// <paramref name="routeValueName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="routeValueName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public RecordAccessRequirement(ObjectName objectName, RecordOperation operation, string routeValueName = DefaultRouteValueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(routeValueName);
        Object = RequirementArguments.Object(objectName);
        Operation = RequirementArguments.Defined(operation);
        RouteValueName = routeValueName;
    }

    /// <summary>Gets the object the record belongs to.</summary>
    public ObjectName Object { get; }

    /// <summary>Gets the operation.</summary>
    public RecordOperation Operation { get; }

    /// <summary>Gets the route value the record id is read from when the endpoint itself is authorized.</summary>
    public string RouteValueName { get; }

    /// <summary>Returns the request this requirement checks for a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The request.</returns>
    public AccessRequest RequestFor(RecordId record) => AccessRequest.ForRecord(Object, record, Operation);

    /// <inheritdoc/>
    public override string ToString() => $"{Operation} {Object} record {{{RouteValueName}}}";
}

using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Requires a record operation of the signed-in user on the record a route value names.</summary>
/// <remarks>It adds a <see cref="RecordAccessRequirement"/> to the endpoint's authorization, combined with its other policies.
/// A route value that is missing or is not a GUID is denied.</remarks>
/// <example><code>[HttpPut("{id}")] [RequireRecordAccess("Opportunity", RecordOperation.Edit)]</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireRecordAccessAttribute : Attribute, IAuthorizationRequirementData
{
    private readonly RecordAccessRequirement _requirement;

    /// <summary>Creates the attribute.</summary>
    /// <param name="objectName">The object the record belongs to.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="routeValueName">The route value that holds the record id.</param>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> or <paramref name="routeValueName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="objectName"/> or <paramref name="routeValueName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public RequireRecordAccessAttribute(string objectName, RecordOperation operation, string routeValueName = RecordAccessRequirement.DefaultRouteValueName)
    {
        _requirement = new RecordAccessRequirement(new ObjectName(objectName), operation, routeValueName);
    }

    /// <summary>Gets the object's name.</summary>
    public string ObjectName => _requirement.Object.Value;

    /// <summary>Gets the operation.</summary>
    public RecordOperation Operation => _requirement.Operation;

    /// <summary>Gets the route value that holds the record id.</summary>
    public string RouteValueName => _requirement.RouteValueName;

    /// <inheritdoc/>
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [_requirement];
}

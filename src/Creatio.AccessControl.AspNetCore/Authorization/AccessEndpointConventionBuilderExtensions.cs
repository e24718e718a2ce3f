using Creatio.AccessControl;
using Creatio.AccessControl.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Protects endpoints with access checks, as <c>RequireAuthorization</c> protects them with policies.</summary>
/// <remarks>Each method adds a requirement to the endpoints' authorization metadata; it is combined with every other
/// <c>RequireAuthorization</c>, <c>[Authorize]</c> and access requirement of the endpoint, and all must pass. Nobody signed
/// in: 401; denied: 403 with problem details (<see cref="AccessControlAspNetCoreOptions.DenialDetail"/>).</remarks>
public static class AccessEndpointConventionBuilderExtensions
{
    /// <summary>Requires an object operation of the signed-in user.</summary>
    /// <typeparam name="TBuilder">The endpoint convention builder's type.</typeparam>
    /// <param name="builder">The endpoints.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is <see langword="default"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, ObjectName objectName, ObjectOperation operation)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAccess(new ObjectAccessRequirement(objectName, operation));
    }

    /// <summary>Requires a record operation of the signed-in user on the record a route value names.</summary>
    /// <typeparam name="TBuilder">The endpoint convention builder's type.</typeparam>
    /// <param name="builder">The endpoints.</param>
    /// <param name="objectName">The object the record belongs to.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="routeValueName">The route value that holds the record id; a request whose value is missing or is not a
    /// GUID is denied.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="routeValueName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is <see langword="default"/>, or
    /// <paramref name="routeValueName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public static TBuilder RequireRecordAccess<TBuilder>(
        this TBuilder builder, ObjectName objectName, RecordOperation operation, string routeValueName = RecordAccessRequirement.DefaultRouteValueName)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAccess(new RecordAccessRequirement(objectName, operation, routeValueName));
    }

    /// <summary>Requires that the signed-in user may execute a system operation.</summary>
    /// <typeparam name="TBuilder">The endpoint convention builder's type.</typeparam>
    /// <param name="builder">The endpoints.</param>
    /// <param name="operation">The system operation.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is <see langword="default"/>.</exception>
    public static TBuilder RequireSystemOperation<TBuilder>(this TBuilder builder, SystemOperationCode operation)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAccess(new SystemOperationRequirement(operation));
    }

    /// <summary>Requires an access requirement of the package, or any other <see cref="Microsoft.AspNetCore.Authorization.IAuthorizationRequirement"/>.</summary>
    /// <typeparam name="TBuilder">The endpoint convention builder's type.</typeparam>
    /// <param name="builder">The endpoints.</param>
    /// <param name="requirement">The requirement.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="requirement"/> is <see langword="null"/>.</exception>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, Microsoft.AspNetCore.Authorization.IAuthorizationRequirement requirement)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(requirement);
        var metadata = new AccessRequirementMetadata(requirement);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}

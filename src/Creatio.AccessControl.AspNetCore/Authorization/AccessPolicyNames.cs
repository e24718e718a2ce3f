using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Names of the policies the package's policy provider makes on demand, for <c>[Authorize(Policy = …)]</c>,
/// <c>RequireAuthorization(name)</c> and <see cref="IAuthorizationService.AuthorizeAsync(System.Security.Claims.ClaimsPrincipal, object?, string)"/>.</summary>
/// <remarks>
/// <para>Three forms, each starting with <see cref="Prefix"/>: <c>Access:Object:{object}:{operation}</c> (an
/// <see cref="ObjectAccessRequirement"/>), <c>Access:Record:{object}:{operation}</c> or
/// <c>Access:Record:{object}:{operation}:{routeValue}</c> (a <see cref="RecordAccessRequirement"/>), and
/// <c>Access:SystemOperation:{code}</c> (a <see cref="SystemOperationRequirement"/>); operations by their names, for example
/// <c>Access:Object:Opportunity:Edit</c>. Every other name, and a name of these forms that does not parse, goes to the
/// app's other policies.</para>
/// <para>The names are constants a developer can write in an attribute; the methods here build them.</para>
/// </remarks>
public static class AccessPolicyNames
{
    /// <summary>The prefix of every name the package's policy provider answers: <c>Access:</c>.</summary>
    public const string Prefix = "Access:";

    private const string ObjectPrefix = Prefix + "Object:";
    private const string RecordPrefix = Prefix + "Record:";
    private const string SystemOperationPrefix = Prefix + "SystemOperation:";

    /// <summary>Returns the name of the policy that requires an object operation.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The name, for example <c>Access:Object:Opportunity:Edit</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is <see langword="default"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public static string Object(ObjectName objectName, ObjectOperation operation) =>
        $"{ObjectPrefix}{RequirementArguments.Object(objectName)}:{RequirementArguments.Defined(operation)}";

    /// <summary>Returns the name of the policy that requires a record operation on the record of a route value.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="routeValueName">The route value that holds the record id.</param>
    /// <returns>The name, for example <c>Access:Record:Opportunity:Edit:id</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is <see langword="default"/>, or
    /// <paramref name="routeValueName"/> is empty, white space or holds a colon.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="routeValueName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public static string Record(ObjectName objectName, RecordOperation operation, string routeValueName = RecordAccessRequirement.DefaultRouteValueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(routeValueName);
        if (routeValueName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The route value name `{routeValueName}` must not hold a colon.", nameof(routeValueName));
        }

        return $"{RecordPrefix}{RequirementArguments.Object(objectName)}:{RequirementArguments.Defined(operation)}:{routeValueName}";
    }

    /// <summary>Returns the name of the policy that requires a system operation.</summary>
    /// <param name="operation">The system operation.</param>
    /// <returns>The name, for example <c>Access:SystemOperation:CanManageUsers</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is <see langword="default"/>.</exception>
    public static string SystemOperation(SystemOperationCode operation) =>
        $"{SystemOperationPrefix}{new SystemOperationRequirement(operation).Operation}";

    /// <summary>Reads a policy name of one of the three forms into its requirement.</summary>
    /// <param name="policyName">The name.</param>
    /// <param name="requirement">The requirement, when the name is of one of the forms.</param>
    /// <returns>Whether the name is of one of the forms.</returns>
    public static bool TryParse([NotNullWhen(true)] string? policyName, [NotNullWhen(true)] out IAuthorizationRequirement? requirement)
    {
        requirement = null;
        if (policyName is null || !policyName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (policyName.StartsWith(SystemOperationPrefix, StringComparison.OrdinalIgnoreCase))
        {
            string code = policyName[SystemOperationPrefix.Length..];
            requirement = string.IsNullOrWhiteSpace(code) ? null : new SystemOperationRequirement(code);
        }
        else if (policyName.StartsWith(ObjectPrefix, StringComparison.OrdinalIgnoreCase))
        {
            ReadOnlySpan<char> rest = policyName.AsSpan(ObjectPrefix.Length);
            int colon = rest.LastIndexOf(':');
            if (colon > 0 && TryOperation(rest[(colon + 1)..], out ObjectOperation operation) && !rest[..colon].IsWhiteSpace())
            {
                requirement = new ObjectAccessRequirement(rest[..colon].ToString(), operation);
            }
        }
        else if (policyName.StartsWith(RecordPrefix, StringComparison.OrdinalIgnoreCase))
        {
            requirement = ParseRecord(policyName.AsSpan(RecordPrefix.Length));
        }

        return requirement is not null;
    }

    private static RecordAccessRequirement? ParseRecord(ReadOnlySpan<char> rest)
    {
        // {object}:{operation} or {object}:{operation}:{routeValue}; the object may hold colons, the others may not.
        int last = rest.LastIndexOf(':');
        if (last <= 0)
        {
            return null;
        }

        if (TryOperation(rest[(last + 1)..], out RecordOperation operation))
        {
            return rest[..last].IsWhiteSpace() ? null : new RecordAccessRequirement(rest[..last].ToString(), operation);
        }

        ReadOnlySpan<char> routeValue = rest[(last + 1)..];
        rest = rest[..last];
        int colon = rest.LastIndexOf(':');
        return colon > 0 && !routeValue.IsWhiteSpace() && TryOperation(rest[(colon + 1)..], out operation) && !rest[..colon].IsWhiteSpace()
            ? new RecordAccessRequirement(rest[..colon].ToString(), operation, routeValue.ToString())
            : null;
    }

    private static bool TryOperation<TEnum>(ReadOnlySpan<char> text, out TEnum operation)
        where TEnum : struct, Enum =>
        // Names only: Enum.TryParse also reads numbers, which are not names a developer means.
        Enum.TryParse(text, ignoreCase: false, out operation) && Enum.IsDefined(operation) && !char.IsAsciiDigit(text[0]);
}

using Microsoft.Extensions.Logging;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>The package's log events; their ids are stable (100–199) and listed in docs/aspnetcore.md.</summary>
internal static partial class AccessControlLog
{
    [LoggerMessage(EventId = 100, EventName = "AccessModelLoaded", Level = LogLevel.Information,
        Message = "Access model loaded at start-up: snapshot version {Version}, {Users} users, {Objects} objects.")]
    public static partial void ModelLoaded(ILogger logger, long version, int users, int objects);

    [LoggerMessage(EventId = 101, EventName = "AccessModelLoadFailed", Level = LogLevel.Critical,
        Message = "The access model could not be loaded at start-up; the host does not start.")]
    public static partial void ModelLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 102, EventName = "RecordReaderNotRegistered", Level = LogLevel.Critical,
        Message = "Endpoints require record access on objects that keep their records in the database, but no IRecordRightReader is registered; the host does not start.")]
    public static partial void RecordReaderNotRegistered(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 103, EventName = "AccessPolicyNameInvalid", Level = LogLevel.Critical,
        Message = "Endpoints name an Access: authorization policy that is not of the package's forms and that the app does not define; the host does not start.")]
    public static partial void PolicyNameInvalid(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 110, EventName = "AccessDenied", Level = LogLevel.Debug,
        Message = "Access denied to {User} for {Request}: {Decision} (snapshot {Version}).")]
    public static partial void Denied(ILogger logger, UserId? user, AccessRequest request, AccessDecision decision, long version);

    [LoggerMessage(EventId = 111, EventName = "RouteValueNotARecordId", Level = LogLevel.Debug,
        Message = "Access denied: the route value `{RouteValue}` is `{Value}`, not a record id.")]
    public static partial void RouteValueNotARecordId(ILogger logger, string routeValue, string? value);

    [LoggerMessage(EventId = 112, EventName = "RecordReaderMissing", Level = LogLevel.Warning,
        Message = "Access denied: `{Object}` keeps its records in the database, but the request has no IRecordRightReader to read them (register one with UseEntityFrameworkCoreRecordRights<TContext>() or UseRecordRights(reader, writer)); its record checks deny.")]
    public static partial void RecordReaderMissing(ILogger logger, ObjectName @object);

    [LoggerMessage(EventId = 113, EventName = "RecordReaderFailed", Level = LogLevel.Error,
        Message = "Access denied: reading {Count} record(s) of `{Object}` from the database failed; their record checks deny.")]
    public static partial void RecordReaderFailed(ILogger logger, Exception exception, ObjectName @object, int count);

    [LoggerMessage(EventId = 120, EventName = "NoUserIdClaim", Level = LogLevel.Warning,
        Message = "The signed-in user has no `{ClaimType}` claim holding a user id (it is `{Value}`); every access check denies.")]
    public static partial void NoUserId(ILogger logger, string claimType, string? value);

    [LoggerMessage(EventId = 121, EventName = "ClaimNotAnId", Level = LogLevel.Warning,
        Message = "The `{ClaimType}` claim is `{Value}`, not an id: it is ignored, and a support grant claim that is not an id denies every access check.")]
    public static partial void ClaimNotAnId(ILogger logger, string claimType, string value);
}

using Creatio.AccessControl;

namespace WebApi;

/// <summary>Share a record with an admin unit (user or role).</summary>
public sealed record ShareRequest(Guid Grantee, RecordOperation Operation, RecordRightLevel Level = RecordRightLevel.Allow);

/// <summary>Grant support access under the signed-in user's permissions.</summary>
public sealed record GrantRequest(string Reason, int Days = 5, bool DenyDataAccess = true, SupportAccessLevel Level = SupportAccessLevel.Admin);

/// <summary>Start a support session under a grant.</summary>
public sealed record StartSessionRequest(Guid Grant);

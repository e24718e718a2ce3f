using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>The <see cref="AdminHarness"/> organization with what support access needs.</summary>
/// <remarks>
/// Added: the configuration object SysExternalAccess (operation permissions: Read-only admins read; System administrators do
/// everything; External access users read and create), the roles Read-only admins and External access users, the users
/// Reader (System administrators and Read-only admins), Granter (External access users) and Gone (inactive), Actor in
/// Creators (so it may create Accounts), record r3 of Account by Actor, and grant <see cref="G"/> of Actor's permissions
/// (both modes on, level Admin) valid from 2026-03-01 to 2026-03-05 in UTC; the harness clock starts at 2026-03-01 12:00 UTC.
/// </remarks>
internal static class SupportHarness
{
    public static readonly SupportGrantId G = new(Ids.Guid("grant:harness G"));

    public static readonly SupportGrantId NewGrant = new(Ids.Guid("grant:harness new"));

    public static readonly RecordId R3 = Ids.Record("r3");

    public static readonly ObjectName ExternalAccess = "SysExternalAccess";

    public static readonly DateOnly Start = new(2026, 3, 1);

    public static readonly DateOnly Close = new(2026, 3, 5);

    /// <summary>The instant the default grant ends: the start of 2026-03-06 in UTC.</summary>
    public static readonly DateTimeOffset EndsAt = new(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);

    public static AdminHarness Create(
        Func<SupportAccessGrant, SupportAccessGrant>? grant = null,
        SupportAccessSettings? settings = null,
        Action<Org>? configure = null,
        IReadOnlyList<AccessAuditEventType>? enabled = null) =>
        AdminHarness.Create(
            org =>
            {
                org.Role("Read-only admins", "All employees")
                    .Role("External access users", "All employees")
                    .User("Reader", "System administrators", "Read-only admins")
                    .User("Granter", "External access users")
                    .Inactive("Gone")
                    .Member("Actor", "Creators");
                org.Builder.Add(new ObjectDefinition(ExternalAccess, ObjectCategory.Configuration) { UseOperationPermissions = true });
                org.ObjectRow(ExternalAccess.Value, "Read-only admins", 0, ObjectOperations.Read)
                    .ObjectRow(ExternalAccess.Value, "System administrators", 1, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit | ObjectOperations.Delete)
                    .ObjectRow(ExternalAccess.Value, "External access users", 2, ObjectOperations.Read | ObjectOperations.Create);
                org.Builder.Add(new RecordDefinition(AdminHarness.Account, R3, org.UserId("Actor"), org.UserId("Actor")));
                SupportAccessGrant defaultGrant = new(G, "Ticket 4711", Start, Close, org.UserId("Actor"), org.UserId("Admin"));
                org.Builder.Add(grant is null ? defaultGrant : grant(defaultGrant));
                if (settings is not null)
                {
                    org.Builder.Settings = org.Builder.Settings with { SupportAccess = settings };
                }

                configure?.Invoke(org);
            },
            enabled);

    /// <summary>A new grant by <paramref name="by"/> of <paramref name="grantor"/>'s permissions (default: the same user).</summary>
    public static GrantSupportAccess NewGrantBy(AdminHarness h, string by, string? grantor = null, DateOnly? start = null, DateOnly? close = null) =>
        new(new SupportAccessGrant(NewGrant, "Ticket 4712", start ?? Start, close ?? Close, h.Org.UserId(grantor ?? by), h.Org.UserId(by)));

    public static AccessActor Session => AccessActor.ForSupportSession(G);

    public static void AssertApplied(AccessChangeResult result) => Assert.True(result.IsApplied, $"{result.Refusal}: {result.Message}");

    public static void AssertRefused(AccessChangeRefusal refusal, AccessChangeResult result)
    {
        Assert.False(result.IsApplied);
        Assert.Equal(refusal, result.Refusal);
    }

    public static void AssertNotPermitted(AccessStage stage, AccessReason reason, AccessChangeResult result)
    {
        AssertRefused(AccessChangeRefusal.NotPermitted, result);
        Assert.Equal((AccessOutcome.Deny, stage, reason), (result.Decision.Outcome, result.Decision.Stage, result.Decision.Reason));
    }

    public static void AssertSupportSessionForbidden(AccessChangeResult result, int index = 0)
    {
        AssertRefused(AccessChangeRefusal.SupportSessionForbidden, result);
        Assert.Equal(index, result.ChangeIndex);
        Assert.Equal((AccessStage.SupportAccess, AccessReason.SupportAdministrationForbidden), (result.Decision.Stage, result.Decision.Reason));
    }
}

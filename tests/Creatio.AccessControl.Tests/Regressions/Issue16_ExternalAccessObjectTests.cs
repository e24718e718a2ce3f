using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.SupportAccess.SupportHarness;

namespace Creatio.AccessControl.Tests.Regressions;

// The External access object's name is fixed (`SysExternalAccess`) and undocumented: a host that names it otherwise gets
// every non-admin grant refused, silently. Make it documented and configurable.
public sealed class Issue16_ExternalAccessObjectTests
{
    private static readonly ObjectName s_grants = "UsrSupportGrants";

    private static readonly SupportAccessSettings s_renamed = new() { ExternalAccessObject = s_grants.Value };

    /// <summary>The harness with the external access object named <see cref="s_grants"/>: the object's rows copied to it.</summary>
    private static AdminHarness CreateRenamed(bool defineRenamed = true) =>
        Create(settings: s_renamed, configure: org =>
        {
            if (defineRenamed)
            {
                org.Builder.Add(new ObjectDefinition(s_grants, ObjectCategory.Configuration) { UseOperationPermissions = true });
                foreach (ObjectOperationRow row in org.Builder.ObjectOperationRows.Where(r => r.Object == ExternalAccess).ToList())
                {
                    org.Builder.Add(row with { Object = s_grants });
                }
            }

            ((List<ObjectOperationRow>)org.Builder.ObjectOperationRows).RemoveAll(r => r.Object == ExternalAccess);
            ((List<ObjectDefinition>)org.Builder.Objects).RemoveAll(o => o.Name == ExternalAccess);
        });

    [Fact]
    public void Settings_NameSysExternalAccessByDefault()
    {
        Assert.Equal("SysExternalAccess", SupportAccessSettings.Default.ExternalAccessObject);
        Assert.Equal("SysExternalAccess", GrantSupportAccess.ExternalAccessObject.Value);
    }

    [Fact]
    public async Task GrantSupportAccess_RenamedObject_IsAuthorizedOnIt()
    {
        using AdminHarness h = CreateRenamed();

        AssertApplied(await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin")));
        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(NewGrant)));
    }

    [Fact]
    public async Task GrantSupportAccess_RenamedObject_NonAdminsStillNeedTheSetting()
    {
        using AdminHarness h = CreateRenamed();

        AccessChangeResult result = await h.ApplyAsync(h.User("Granter"), NewGrantBy(h, "Granter"));

        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.NotSystemAdministrator, result);
    }

    [Fact]
    public async Task GrantSupportAccess_TheNamedObjectIsMissing_IsRefusedNamingIt()
    {
        using AdminHarness h = CreateRenamed(defineRenamed: false);

        AccessChangeResult byAdmin = await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin"));
        AccessChangeResult bySystem = await h.ApplyAsync(AccessActor.System, NewGrantBy(h, "Admin"));

        AssertNotPermitted(AccessStage.Object, AccessReason.UnknownObject, byAdmin);
        Assert.Contains("The external access object `UsrSupportGrants` named by the support access settings is not defined", byAdmin.Message, StringComparison.Ordinal);
        AssertRefused(AccessChangeRefusal.NotFound, bySystem);
        Assert.Equal(
            "The external access object `UsrSupportGrants` named by the support access settings is not defined: nobody may grant support access or change a grant.",
            bySystem.Message);
    }

    [Fact]
    public void Warnings_TheNamedObjectIsMissing_WarnAtTheSetting()
    {
        using AdminHarness h = CreateRenamed(defineRenamed: false);

        AccessModelWarning warning = Assert.Single(AccessModelWarnings.Find(h.Snapshot.Model));

        Assert.Equal(AccessModelWarningCode.MissingExternalAccessObject, warning.Code);
        Assert.Equal(["UsrSupportGrants"], warning.Ids);
        Assert.StartsWith("The external access object `UsrSupportGrants` named by the support access settings is not defined: nobody may grant", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_TheNamedObjectIsDefined_NoWarning()
    {
        using AdminHarness h = CreateRenamed();

        Assert.Empty(AccessModelWarnings.Find(h.Snapshot.Model));
    }

    [Fact]
    public void Warnings_TheDefaultNameMissing_NoWarning_ButGrantsAreRefusedNamingIt()
    {
        // A model without SysExternalAccess may simply not use support access.
        using AdminHarness h = Create(configure: org =>
        {
            ((List<ObjectOperationRow>)org.Builder.ObjectOperationRows).RemoveAll(r => r.Object == ExternalAccess);
            ((List<ObjectDefinition>)org.Builder.Objects).RemoveAll(o => o.Name == ExternalAccess);
        });

        Assert.Empty(AccessModelWarnings.Find(h.Snapshot.Model));
        Assert.Contains("`SysExternalAccess`", h.Admin.Check(h.User("Admin"), NewGrantBy(h, "Admin")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportOverlay_WritesToTheRenamedObject_AreAdministration()
    {
        using AdminHarness h = Create(
            grant => grant with { DenyConfiguration = false },
            s_renamed,
            org =>
            {
                org.Builder.Add(new ObjectDefinition(s_grants, ObjectCategory.Configuration) { UseOperationPermissions = true });
                org.ObjectRow(s_grants.Value, "Creators", 0, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit);
                org.ObjectRow(ExternalAccess.Value, "Creators", 3, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit);
            });
        AccessPrincipal session = h.Snapshot.GetSupportPrincipal(G, AdminHarness.Now);

        Assert.Equal(AccessReason.SupportAdministrationForbidden, session.CheckObject(s_grants, ObjectOperation.Create).Reason);
        Assert.True(session.CheckObject(ExternalAccess, ObjectOperation.Create).IsAllowed);
    }

    [Fact]
    public void Builder_ABlankName_IsInvalid()
    {
        AccessModelBuilder builder = new Org().User("Alice").Builder;
        builder.Settings = builder.Settings with { SupportAccess = new SupportAccessSettings { ExternalAccessObject = " " } };

        AccessModelValidationException invalid = Assert.Throws<AccessModelValidationException>(() => builder.Build());

        Assert.Contains(invalid.Errors, e => e.Message.Contains("name no external access object", StringComparison.Ordinal));
    }

    [Fact]
    public void PolicyDocument_ReadsAndWritesTheName_AndWarnsWhenItIsMissing()
    {
        const string document = """
            {
              "formatVersion": 1,
              "settings": {
                "supportAccess": { "externalAccessObject": "UsrSupportGrants" }
              }
            }
            """;

        AccessModel model = AccessPolicyJson.Deserialize(document, options: null, out IReadOnlyList<AccessModelWarning> warnings);

        Assert.Equal("UsrSupportGrants", model.Settings.SupportAccess.ExternalAccessObject);
        AccessModelWarning warning = Assert.Single(warnings);
        Assert.Equal(AccessModelWarningCode.MissingExternalAccessObject, warning.Code);
        Assert.Equal("$.settings.supportAccess.externalAccessObject", warning.Path);
        Assert.Equal("UsrSupportGrants", AccessPolicyJson.Deserialize(AccessPolicyJson.Serialize(model)).Settings.SupportAccess.ExternalAccessObject);
    }

    [Fact]
    public void PolicyDocument_ABlankName_IsRejected()
    {
        const string document = """{ "formatVersion": 1, "settings": { "supportAccess": { "externalAccessObject": "" } } }""";

        Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(document));
    }
}

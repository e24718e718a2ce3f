using System.Text.Encodings.Web;
using System.Text.Json;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Model;

/// <summary>Model deltas: a pinned, versioned JSON form, and <see cref="AccessModel.Apply"/> validating through the rules
/// of the whole-model validator, with its errors.</summary>
public sealed class AccessModelDeltaTests
{
    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ObjectName s_account = "Account";
    private static readonly UserId s_ann = Ids.User("Ann");
    private static readonly UserId s_portalUser = Ids.User("Pat");
    private static readonly RoleId s_sales = Ids.Role("Sales");
    private static readonly RecordId s_record = Ids.Record("A1");

    private static AccessModel Model()
    {
        var builder = new AccessModelBuilder();
        builder.Add(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, BuiltInRoles.AllEmployees));
        builder.Add(new UserDefinition(s_ann, "Ann"));
        builder.Add(new UserDefinition(s_portalUser, "Pat", AdminUnitKind.ExternalUser));
        builder.Add(new RoleMembership(s_ann, BuiltInRoles.AllEmployees));
        builder.Add(new ObjectDefinition(s_account) { UseRecordPermissions = true, Columns = ["Amount"] });
        builder.Add(new ObjectOperationRow(s_account, BuiltInRoles.AllEmployees, 0, ObjectOperations.Read));
        builder.Add(new RecordDefinition(s_account, s_record, s_ann, s_ann));
        builder.Add(new RecordRightRow(s_account, s_record, s_ann, RecordOperation.Read, RecordRightLevel.Allow));
        return builder.Build();
    }

    /// <summary>One edit of every kind, in the order of the format's list of kinds.</summary>
    private static AccessModelDelta EveryKind() => new AccessModelDelta(
    [
        new AddMembershipEdit(new RoleMembership(s_ann, s_sales)),
        new RemoveMembershipEdit(new RoleMembership(s_ann, s_sales)),
        new AddFunctionalLinkEdit(new FunctionalRoleLink(s_sales, BuiltInRoles.AllEmployees)),
        new RemoveFunctionalLinkEdit(new FunctionalRoleLink(s_sales, BuiltInRoles.AllEmployees)),
        new AddDelegationEdit(new Delegation(s_ann, s_sales, new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero))),
        new RemoveDelegationEdit(s_ann, s_sales),
        new PutUserEdit(new UserDefinition(s_ann, "Ann") { IsActive = false }),
        new RemoveUserEdit(s_ann),
        new PutRoleEdit(new RoleDefinition(s_sales, "Sales", AdminUnitKind.Division, BuiltInRoles.AllEmployees)),
        new RemoveRoleEdit(s_sales),
        new PutObjectEdit(new ObjectDefinition(s_account) { UseRecordPermissions = true, Columns = ["Amount"] }),
        new PutRecordEdit(new RecordDefinition(s_account, s_record, s_ann)),
        new RemoveRecordEdit(s_account, s_record),
        new PutSystemOperationEdit(new SystemOperationDefinition("CanApprove")),
        new PutWorkplaceEdit(new WorkplaceDefinition("Sales", [s_account])),
        new RemoveWorkplaceEdit("Sales"),
        new PutSupportGrantEdit(new SupportAccessGrant(new SupportGrantId(Ids.Guid("grant")), "Ticket 1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 8), s_ann, s_ann)),
        new ReplaceObjectOperationRowsEdit(s_account, [new ObjectOperationRow(s_account, s_sales, 0, ObjectOperations.Read | ObjectOperations.Edit)]),
        new ReplaceColumnRightRowsEdit(s_account, "Amount", [new ColumnRightRow(s_account, "Amount", s_sales, 0, ColumnRightLevel.Read)]),
        new ReplaceSystemOperationRowsEdit("CanApprove", [new SystemOperationRow("CanApprove", s_sales, 0, true)]),
        new ReplaceDefaultRecordRightRulesEdit(s_account, [new DefaultRecordRightRule(s_account, s_sales, null, RecordOperation.Edit, RecordRightLevel.AllowAndGrant)]),
        new AddRecordRightEdit(new RecordRightRow(s_account, s_record, s_sales, RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default)),
        new PutRecordRightEdit(new RecordRightRow(s_account, s_record, s_sales, RecordOperation.Delete, RecordRightLevel.Deny, RecordRightSource.Default)),
        new RemoveRecordRightEdit(s_account, s_record, s_sales, RecordOperation.Delete),
        new ReplaceSettingsEdit(AccessSettings.Default with { EnabledAuditEvents = [AccessAuditEventType.RecordPermissions] }),
        new ReplaceRolesNotInheritedByManagersEdit([BuiltInRoles.SystemAdministrators]),
    ]);

    [Fact]
    public void ToJson_EveryKindOfEdit_WritesFormatVersion1()
    {
        string json = EveryKind().ToJson();

        // The pinned file is indented for reading; the comparison is member for member, in order.
        using JsonDocument pinned = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Model", "AccessModelDelta.v1.json")));
        Assert.Equal(JsonSerializer.Serialize(pinned.RootElement, s_compact), json);
    }

    [Fact]
    public void FromJson_WhatToJsonWrote_ReadsTheSameDelta()
    {
        AccessModelDelta delta = EveryKind();

        AccessModelDelta read = AccessModelDelta.FromJson(delta.ToJson());

        Assert.Equal(delta.Edits.Select(e => e.GetType()), read.Edits.Select(e => e.GetType()));
        Assert.Equal(delta.ToJson(), read.ToJson());
    }

    [Theory]
    [InlineData("""{"formatVersion":2,"edits":[]}""", "format version 2")]
    [InlineData("""{"formatVersion":1,"edits":[{"kind":"shareEverything"}]}""", "shareEverything")]
    [InlineData("""{"formatVersion":1,"edits":[{"kind":"removeUser","user":"not a guid"}]}""", "not a guid")]
    [InlineData("""{"formatVersion":1,"edits":[{"kind":"removeUser"}]}""", "")]
    [InlineData("""{"formatVersion":1,"edits":[],"extra":1}""", "extra")]
    [InlineData("""null""", "null")]
    public void FromJson_NotADeltaOfAKnownFormat_ThrowsJsonException(string json, string named)
    {
        JsonException thrown = Assert.ThrowsAny<JsonException>(() => AccessModelDelta.FromJson(json));

        Assert.Contains(named, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ValidMembershipShareAndRows_GivesTheModelTheWholePathGives()
    {
        AccessModel model = Model();
        var delta = new AccessModelDelta(
        [
            new AddMembershipEdit(new RoleMembership(s_ann, s_sales)),
            new PutRecordRightEdit(new RecordRightRow(s_account, s_record, s_sales, RecordOperation.Edit, RecordRightLevel.Allow)),
            new RemoveRecordRightEdit(s_account, s_record, s_ann, RecordOperation.Read),
            new ReplaceObjectOperationRowsEdit(s_account, [new ObjectOperationRow(s_account, s_sales, 3, ObjectOperations.All)]),
        ]);

        AccessModel next = model.Apply(delta);

        Assert.Equal(AccessPolicyJson.Serialize(model.ApplyInFull(delta)), AccessPolicyJson.Serialize(next));
        Assert.Contains(new RoleMembership(s_ann, s_sales), next.Memberships);
        Assert.DoesNotContain(next.RecordRightRows, r => r.Grantee == (AdminUnitId)s_ann);
    }

    public static TheoryData<AccessModelEdit> InvalidEdits() =>
    [
        new AddMembershipEdit(new RoleMembership(s_portalUser, s_sales)),
        new AddMembershipEdit(new RoleMembership(s_ann, Ids.Role("Undefined"))),
        new PutRecordRightEdit(new RecordRightRow(s_account, Ids.Record("Undefined"), s_ann, RecordOperation.Read, RecordRightLevel.Allow)),
        new PutRecordRightEdit(new RecordRightRow(s_account, s_record, s_ann, (RecordOperation)9, RecordRightLevel.Allow)),
        new ReplaceObjectOperationRowsEdit(s_account, [new ObjectOperationRow(s_account, s_sales, 0, ObjectOperations.Read), new ObjectOperationRow(s_account, s_ann, 0, ObjectOperations.Read)]),
        new ReplaceObjectOperationRowsEdit(s_account, [new ObjectOperationRow(s_account, Ids.Role("Undefined"), 0, (ObjectOperations)64)]),
    ];

    [Theory]
    [MemberData(nameof(InvalidEdits))]
    public void Apply_EditTheValidatorRefuses_ThrowsWithTheErrorsOfTheWholeModelValidation(AccessModelEdit edit)
    {
        AccessModel model = Model();
        AccessModelBuilder whole = model.ToBuilder();
        Assert.Null(edit.ApplyTo(whole));
        AccessModelValidationException expected = Assert.Throws<AccessModelValidationException>(whole.Build);

        AccessModelValidationException thrown = Assert.Throws<AccessModelValidationException>(() => model.Apply(new AccessModelDelta([edit])));

        Assert.Equal(expected.Errors.Select(e => e.ToString()), thrown.Errors.Select(e => e.ToString()));
    }

    public static TheoryData<AccessModelEdit> EditsThatDoNotApply() =>
    [
        new AddMembershipEdit(new RoleMembership(s_ann, BuiltInRoles.AllEmployees)),
        new RemoveMembershipEdit(new RoleMembership(s_ann, s_sales)),
        new RemoveRecordRightEdit(s_account, s_record, s_sales, RecordOperation.Read),
        new ReplaceObjectOperationRowsEdit(s_account, [new ObjectOperationRow("Contact", s_sales, 0, ObjectOperations.Read)]),
        new RemoveUserEdit(Ids.User("Nobody")),
    ];

    [Theory]
    [MemberData(nameof(EditsThatDoNotApply))]
    public void Apply_EditThatDoesNotApply_ThrowsEditDoesNotApply(AccessModelEdit edit)
    {
        AccessModelValidationException thrown = Assert.Throws<AccessModelValidationException>(() => Model().Apply(new AccessModelDelta([edit])));

        AccessModelError error = Assert.Single(thrown.Errors);
        Assert.Equal(AccessModelErrorCode.EditDoesNotApply, error.Code);
        Assert.Contains(edit.GetType().Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DeltaThatWouldLeaveADanglingRow_IsRefusedAndTheModelIsUnchanged()
    {
        AccessModel model = Model();
        string before = AccessPolicyJson.Serialize(model);

        AccessModelValidationException thrown = Assert.Throws<AccessModelValidationException>(() => model.Apply(new AccessModelDelta([new RemoveRoleEdit(s_sales), new AddMembershipEdit(new RoleMembership(s_ann, s_sales))])));

        Assert.Contains(thrown.Errors, e => e.Code == AccessModelErrorCode.DanglingReference);
        Assert.Equal(before, AccessPolicyJson.Serialize(model));
    }

    [Fact]
    public void Apply_RemoveRecordRightOfOneSource_KeepsTheRowsOfTheOtherSourceForTheSameGrantee()
    {
        AccessModel model = Model().Apply(new AccessModelDelta(
            [new AddRecordRightEdit(new RecordRightRow(s_account, s_record, s_ann, RecordOperation.Read, RecordRightLevel.Deny, RecordRightSource.Default))]));
        Assert.Equal(2, model.RecordRightRows.Count(r => r.Grantee == (AdminUnitId)s_ann));

        AccessModel next = model.Apply(new AccessModelDelta(
            [new RemoveRecordRightEdit(s_account, s_record, s_ann, RecordOperation.Read) { Source = RecordRightSource.Default }]));

        RecordRightRow kept = Assert.Single(next.RecordRightRows, r => r.Grantee == (AdminUnitId)s_ann);
        Assert.Equal(RecordRightSource.Manual, kept.Source);
    }

    /// <summary>Random memberships added and removed: the local path accepts exactly what the whole path accepts, gives
    /// the same model, and refuses with the same errors.</summary>
    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 60)]
    public void Apply_RandomMembershipEdits_AgreesWithTheWholePath(RandomModel random, int seed)
    {
        var rng = new Random(seed);
        AccessModel model = random.Builder.Build();
        var edits = new List<AccessModelEdit>();
        for (int i = rng.Next(1, 4); i > 0; i--)
        {
            var membership = new RoleMembership(random.Users[rng.Next(random.Users.Count)], random.Roles[rng.Next(random.Roles.Count)]);
            edits.Add(model.Memberships.Contains(membership) && rng.Next(2) == 0 ? new RemoveMembershipEdit(membership) : new AddMembershipEdit(membership));
        }

        var delta = new AccessModelDelta(edits);
        string Outcome(Func<AccessModel> apply)
        {
            try
            {
                return AccessPolicyJson.Serialize(apply());
            }
            catch (AccessModelValidationException invalid)
            {
                return string.Join("\n", invalid.Errors.Select(e => e.ToString()));
            }
        }

        Assert.Equal(Outcome(() => model.ApplyInFull(delta)), Outcome(() => model.Apply(delta)));
    }
}

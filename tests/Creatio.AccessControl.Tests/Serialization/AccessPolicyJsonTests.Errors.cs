using System.Text;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Serialization;

public sealed partial class AccessPolicyJsonTests
{
    private const string Sales = "11111111-1111-1111-1111-111111111111";
    private const string Seller = "22222222-2222-2222-2222-222222222222";
    private const string Missing = "99999999-9999-9999-9999-999999999999";

    private static IReadOnlyList<AccessModelError> ErrorsOf(string json) =>
        Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(json)).Errors;

    private static AccessModelError SingleErrorOf(string json) => Assert.Single(ErrorsOf(json));

    private static void AssertError(AccessModelError error, AccessModelErrorCode code, string path, long line, string message)
    {
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.Equal(line, error.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Deserialize_InvalidSyntax_ReportsOneErrorWithLineAndPosition()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "roles": [ }
            }
            """;

        AccessModelError error = SingleErrorOf(Json);

        AssertError(error, AccessModelErrorCode.InvalidJson, "$", 3, "$ (line 3, position 14): The document is not valid JSON: '}' is an invalid start of a value.");
        Assert.Equal(14, error.BytePositionInLine);
    }

    [Fact]
    public void Deserialize_BlankText_ReportsAnEmptyDocument()
    {
        AccessModelError error = SingleErrorOf("  ");

        AssertError(error, AccessModelErrorCode.InvalidJson, "$", 1, "$ (line 1, position 1): The document is empty.");
    }

    [Fact]
    public void Deserialize_TrailingContent_ReportsInvalidJson()
    {
        AccessModelError error = SingleErrorOf("{ \"formatVersion\": 1 }\n{}");

        Assert.Equal(AccessModelErrorCode.InvalidJson, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Deserialize_Comment_ReportsInvalidJson()
    {
        AccessModelError error = SingleErrorOf("{\n  // policy\n  \"formatVersion\": 1\n}");

        Assert.Equal(AccessModelErrorCode.InvalidJson, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Deserialize_InvalidUtf8_ReportsInvalidJsonAtTheByte()
    {
        byte[] bytes = [.. "{\n  \"formatVersion\": 1,\n  \"roles\": [ { \"name\": \"A"u8, 0xC3, 0x28, .. "\" } ]\n}"u8];
        using var stream = new MemoryStream(bytes);

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(stream)).Errors);

        AssertError(error, AccessModelErrorCode.InvalidJson, "$", 3, "$ (line 3, position 26): The document is not valid UTF-8.");
    }

    [Fact]
    public void Deserialize_RootNotAnObject_ReportsInvalidType()
    {
        AssertError(SingleErrorOf("[1]"), AccessModelErrorCode.InvalidType, "$", 1, "$ (line 1): Expected an object, found an array.");
    }

    [Fact]
    public void Deserialize_UnknownMember_ReportsItsPathAndLine()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{Sales}}", "name": "Sales", "kind": "Division",
                  "colour": "red" }
              ]
            }
            """;

        AssertError(
            SingleErrorOf(Json),
            AccessModelErrorCode.UnknownMember,
            "$.roles[0].colour",
            5,
            "$.roles[0].colour (line 5): Member `colour` is not part of the format here; expected one of `id`, `name`, `kind`, `parent`, `account`.");
    }

    [Fact]
    public void Deserialize_UnknownTopLevelMemberWithOddName_QuotesItInThePath()
    {
        AccessModelError error = SingleErrorOf("{ \"formatVersion\": 1, \"my role's\": [] }");

        Assert.Equal(AccessModelErrorCode.UnknownMember, error.Code);
        Assert.Equal("$['my role\\'s']", error.Path);
    }

    [Fact]
    public void Deserialize_DuplicateMember_ReportsTheSecondOne()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "users": [],
              "users": []
            }
            """;

        AssertError(SingleErrorOf(Json), AccessModelErrorCode.DuplicateMember, "$.users", 4, "$.users (line 4): Member `users` appears more than once.");
    }

    [Fact]
    public void Deserialize_WrongType_ReportsExpectedAndFound()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{Sales}}",
                  "name": 5,
                  "kind": "Division" }
              ],
              "users": {}
            }
            """;

        IReadOnlyList<AccessModelError> errors = ErrorsOf(Json);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], AccessModelErrorCode.InvalidType, "$.roles[0].name", 5, "$.roles[0].name (line 5): Expected a string, found a number.");
        AssertError(errors[1], AccessModelErrorCode.InvalidType, "$.users", 8, "$.users (line 8): Expected an array, found an object.");
    }

    [Fact]
    public void Deserialize_NullForRequiredMember_ReportsInvalidType()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "objects": [ { "name": null } ]
            }
            """;

        AssertError(SingleErrorOf(Json), AccessModelErrorCode.InvalidType, "$.objects[0].name", 3, "$.objects[0].name (line 3): Expected a string, found `null`.");
    }

    [Fact]
    public void Deserialize_MissingRequiredMember_ReportsTheObjectMissingIt()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{Sales}}", "name": "Sales" }
              ]
            }
            """;

        AssertError(SingleErrorOf(Json), AccessModelErrorCode.MissingMember, "$.roles[0]", 4, "$.roles[0] (line 4): Required member `kind` is missing.");
    }

    [Fact]
    public void Deserialize_UnknownEnumName_ListsTheValidNames()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{Sales}}", "name": "Sales", "kind": "division" }
              ]
            }
            """;

        AssertError(
            SingleErrorOf(Json),
            AccessModelErrorCode.InvalidValue,
            "$.roles[0].kind",
            4,
            "$.roles[0].kind (line 4): `division` is not one of `Organization`, `Division`, `Manager`, `Team`, `User`, `ExternalUser`, `FunctionalRole`.");
    }

    [Fact]
    public void Deserialize_EnumAsNumber_ReportsInvalidType()
    {
        AccessModelError error = SingleErrorOf($$"""{ "formatVersion": 1, "roles": [ { "id": "{{Sales}}", "name": "Sales", "kind": 1 } ] }""");

        Assert.Equal(AccessModelErrorCode.InvalidType, error.Code);
        Assert.Equal("$.roles[0].kind", error.Path);
    }

    [Fact]
    public void Deserialize_RepeatedOperation_ReportsInvalidValue()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "objects": [ { "name": "Opportunity" } ],
              "objectOperationRows": [
                { "object": "Opportunity", "grantee": "{{BuiltInIds.AllEmployees}}", "position": 0, "operations": [ "Read", "Read" ] }
              ]
            }
            """;

        AssertError(SingleErrorOf(Json), AccessModelErrorCode.InvalidValue, "$.objectOperationRows[0].operations[1]", 5, "$.objectOperationRows[0].operations[1] (line 5): `Read` is listed more than once.");
    }

    [Fact]
    public void Deserialize_BadGuid_ReportsInvalidValue()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "users": [ { "id": "{22222222-2222-2222-2222-222222222222}", "name": "Seller" } ]
            }
            """;

        AssertError(
            SingleErrorOf(Json),
            AccessModelErrorCode.InvalidValue,
            "$.users[0].id",
            3,
            "$.users[0].id (line 3): `{22222222-2222-2222-2222-222222222222}` is not a GUID; expected the form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.");
    }

    [Theory]
    [InlineData("2025-06-30T18:00:00")]
    [InlineData("2025-06-30")]
    [InlineData("tomorrow")]
    public void Deserialize_InstantWithoutOffset_ReportsInvalidValue(string instant)
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "delegations": [ { "grantor": "{{BuiltInIds.AllEmployees}}", "recipient": "{{BuiltInIds.AllEmployees}}", "endsAt": "{{instant}}" } ]
            }
            """;

        AssertError(
            SingleErrorOf(json),
            AccessModelErrorCode.InvalidValue,
            "$.delegations[0].endsAt",
            3,
            $"$.delegations[0].endsAt (line 3): `{instant}` is not an ISO 8601 instant with an offset, such as `2025-06-30T18:00:00+02:00`.");
    }

    [Fact]
    public void Deserialize_PositionNotAnInt32_ReportsInvalidValue()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "systemOperationRows": [ { "operation": "CanExportGrid", "grantee": "{{BuiltInIds.AllEmployees}}", "position": 1.5, "canExecute": true } ]
            }
            """;

        AssertError(SingleErrorOf(Json), AccessModelErrorCode.InvalidValue, "$.systemOperationRows[0].position", 3, "$.systemOperationRows[0].position (line 3): `1.5` is not a whole number from -2147483648 to 2147483647.");
    }

    [Fact]
    public void Deserialize_EmptyName_ReportsInvalidValue()
    {
        AssertError(
            SingleErrorOf("""{ "formatVersion": 1, "objects": [ { "name": " " } ] }"""),
            AccessModelErrorCode.InvalidValue,
            "$.objects[0].name",
            1,
            "$.objects[0].name (line 1): The value is empty; expected a non-empty string.");
    }

    [Fact]
    public void Deserialize_UnsupportedFormatVersion_ReportsOnlyThat()
    {
        const string Json = """
            {
              "formatVersion": 2,
              "policies": []
            }
            """;

        AssertError(
            SingleErrorOf(Json),
            AccessModelErrorCode.UnsupportedFormatVersion,
            "$.formatVersion",
            2,
            "$.formatVersion (line 2): Format version `2` is not supported; this library reads version 1.");
    }

    [Fact]
    public void Deserialize_MissingFormatVersion_ReportsMissingMember()
    {
        AssertError(SingleErrorOf("{\n  \"users\": []\n}"), AccessModelErrorCode.MissingMember, "$", 1, "$ (line 1): Required member `formatVersion` is missing.");
    }

    [Fact]
    public void Deserialize_FormatVersionAsString_ReportsInvalidType()
    {
        AssertError(SingleErrorOf("{ \"formatVersion\": \"1\" }"), AccessModelErrorCode.InvalidType, "$.formatVersion", 1, "$.formatVersion (line 1): Expected a whole number, found a string.");
    }

    [Fact]
    public void Deserialize_DuplicateId_ReportsTheRepeatedRowsId()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{Sales}}", "name": "Sales", "kind": "Division" },
                {
                  "id": "{{Sales}}",
                  "name": "Sales again",
                  "kind": "Division"
                }
              ]
            }
            """;

        AssertError(
            SingleErrorOf(Json),
            AccessModelErrorCode.DuplicateId,
            "$.roles[1].id",
            6,
            $"$.roles[1].id (line 6): Admin unit id `Sales` (`{Sales}`) is used by more than one role.");
    }

    [Fact]
    public void Deserialize_DanglingParent_ReportsTheParentMember()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{Sales}}", "name": "Sales", "kind": "Division",
                  "parent": "{{Missing}}" }
              ]
            }
            """;

        AssertError(
            SingleErrorOf(Json),
            AccessModelErrorCode.DanglingReference,
            "$.roles[0].parent",
            5,
            $"$.roles[0].parent (line 5): Role `Sales` (`{Sales}`) has parent `{Missing}`, which is not defined.");
    }

    [Fact]
    public void Deserialize_ModelProblemsInManyRows_ReportsEachAtItsRow()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "users": [ { "id": "{{Seller}}", "name": "Seller" } ],
              "memberships": [
                { "user": "{{Seller}}", "role": "{{Missing}}" }
              ],
              "rolesNotInheritedByManagers": [ "{{Missing}}" ],
              "objects": [ { "name": "Deal", "columns": [ "Amount", "Amount" ] } ],
              "columnRightRows": [
                { "object": "Deal", "column": "Stage", "grantee": "{{Seller}}", "position": 0, "level": "Read" }
              ],
              "systemOperations": [ { "code": "CanApprove", "objectAccess": [ { "object": "Invoice", "operations": [] } ] } ],
              "systemOperationRows": [
                { "operation": "CanApprove", "grantee": "{{Seller}}", "position": 0, "canExecute": true },
                { "operation": "CanApprove", "grantee": "{{Seller}}", "position": 0, "canExecute": false }
              ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = ErrorsOf(Json);

        Assert.Equal(
            [
                (AccessModelErrorCode.DanglingReference, "$.memberships[0].role", 5L),
                (AccessModelErrorCode.DanglingReference, "$.rolesNotInheritedByManagers[0]", 7L),
                (AccessModelErrorCode.DuplicateId, "$.objects[0].columns[1]", 8L),
                (AccessModelErrorCode.DanglingReference, "$.columnRightRows[0].column", 10L),
                (AccessModelErrorCode.DanglingReference, "$.systemOperations[0].objectAccess[0].object", 12L),
                (AccessModelErrorCode.InvalidPosition, "$.systemOperationRows[1].position", 15L),
            ],
            errors.Select(e => (e.Code, e.Path!, e.Line!.Value)));
    }

    [Fact]
    public void Deserialize_ManagerWithoutParent_PointsAtTheRow()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{Sales}}", "name": "Managers", "kind": "Manager" }
              ]
            }
            """;

        AccessModelError error = SingleErrorOf(Json);

        Assert.Equal(AccessModelErrorCode.ManagerWithoutOrganizationalParent, error.Code);
        Assert.Equal("$.roles[0]", error.Path);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Deserialize_UserWithBuiltInRoleId_PointsAtTheUserAndTheRoleList()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "users": [ { "id": "{{BuiltInIds.AllEmployees}}", "name": "Impostor" } ],
              "roles": []
            }
            """;

        AccessModelError error = SingleErrorOf(Json);

        Assert.Equal(AccessModelErrorCode.DuplicateId, error.Code);
        Assert.Equal("$.roles", error.Path);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Deserialize_ManyShapeProblems_ReportsAllInDocumentOrderInTheMessage()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "users": [ { "id": "nope", "name": "Seller", "role": "x" } ],
              "roles": [ { "id": "{{Sales}}", "kind": "Team" } ]
            }
            """;

        AccessModelValidationException exception = Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(Json));

        Assert.Equal(
            """
            The access model is invalid: 3 problems.
            - $.users[0].id (line 3): `nope` is not a GUID; expected the form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
            - $.users[0].role (line 3): Member `role` is not part of the format here; expected one of `id`, `name`, `kind`, `isActive`, `contact`, `account`.
            - $.roles[0] (line 4): Required member `name` is missing.
            """.ReplaceLineEndings("\n"),
            exception.Message);
    }

    [Fact]
    public void Deserialize_BadDocumentFromStream_ReportsLikeFromString()
    {
        const string Json = "{\n  \"formatVersion\": 1,\n  \"users\": 3\n}";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json));

        AccessModelError fromStream = Assert.Single(Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(stream)).Errors);

        Assert.Equal(SingleErrorOf(Json), fromStream);
    }

    [Fact]
    public void Build_ObjectAccessWithUndefinedOperations_IsRefusedSoNoDocumentCanLoseThem()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new ObjectDefinition("Invoice"))
            .Add(new SystemOperationDefinition("CanApprove") { ObjectAccess = [new ObjectAccessGrant("Invoice", (ObjectOperations)0x30)] });

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(builder.Build).Errors);

        Assert.Equal(AccessModelErrorCode.InvalidValue, error.Code);
        Assert.Equal("System operation `CanApprove` grants operations `48` on `Invoice`, which are not defined.", error.Message);
        Assert.Null(error.Path);
    }

    private const string Grant = "44444444-4444-4444-4444-444444444444";

    /// <summary>A document with one user, one object and one workplace, and the given support grant.</summary>
    private static string WithGrant(string grant) => $$"""
        {
          "formatVersion": 1,
          "users": [ { "id": "{{Seller}}", "name": "Seller" } ],
          "objects": [ { "name": "Opportunity" } ],
          "workplaces": [ { "name": "Sales", "objects": [ "Opportunity" ] } ],
          "supportGrants": [
        {{grant}}
          ]
        }
        """;

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-6-30")]
    [InlineData("2025-06-30T00:00:00Z")]
    public void Deserialize_BadDate_ReportsInvalidValueAtTheDate(string date)
    {
        string json = WithGrant($$"""
                { "id": "{{Grant}}", "reason": "Outage", "grantor": "{{Seller}}", "grantedBy": "{{Seller}}",
                  "startDate": "2025-06-01",
                  "closeDate": "{{date}}" }
            """);

        AssertError(
            SingleErrorOf(json),
            AccessModelErrorCode.InvalidValue,
            "$.supportGrants[0].closeDate",
            9,
            $"$.supportGrants[0].closeDate (line 9): `{date}` is not a date in the form `yyyy-MM-dd`, such as `2025-06-30`.");
    }

    [Fact]
    public void Deserialize_DateAsNumber_ReportsInvalidType()
    {
        string json = WithGrant($$"""
                { "id": "{{Grant}}", "reason": "Outage", "grantor": "{{Seller}}", "grantedBy": "{{Seller}}", "startDate": 20250601, "closeDate": "2025-06-02" }
            """);

        AssertError(SingleErrorOf(json), AccessModelErrorCode.InvalidType, "$.supportGrants[0].startDate", 7, "$.supportGrants[0].startDate (line 7): Expected a date string (`yyyy-MM-dd`), found a number.");
    }

    [Fact]
    public void Deserialize_UnknownSupportAccessLevel_ListsTheLevels()
    {
        string json = WithGrant($$"""
                { "id": "{{Grant}}", "reason": "Outage", "startDate": "2025-06-01", "closeDate": "2025-06-02", "grantor": "{{Seller}}", "grantedBy": "{{Seller}}",
                  "level": "Read" }
            """);

        AssertError(SingleErrorOf(json), AccessModelErrorCode.InvalidValue, "$.supportGrants[0].level", 8, "$.supportGrants[0].level (line 8): `Read` is not one of `Monitor`, `Manage`, `Admin`.");
    }

    [Fact]
    public void Deserialize_GrantClosingBeforeItStarts_PointsAtTheCloseDate()
    {
        string json = WithGrant($$"""
                { "id": "{{Grant}}", "reason": "Outage", "grantor": "{{Seller}}", "grantedBy": "{{Seller}}",
                  "startDate": "2025-03-05",
                  "closeDate": "2025-03-01" }
            """);

        AssertError(
            SingleErrorOf(json),
            AccessModelErrorCode.InvalidValue,
            "$.supportGrants[0].closeDate",
            9,
            $"$.supportGrants[0].closeDate (line 9): Support grant `{Grant}` closes on 2025-03-01, before it starts on 2025-03-05.");
    }

    [Fact]
    public void Deserialize_GrantNamingAnUnknownWorkplace_PointsAtTheName()
    {
        string json = WithGrant($$"""
                { "id": "{{Grant}}", "reason": "Outage", "startDate": "2025-06-01", "closeDate": "2025-06-02", "grantor": "{{Seller}}", "grantedBy": "{{Seller}}",
                  "workplaces": [ "Sales",
                                  "Service" ] }
            """);

        AssertError(
            SingleErrorOf(json),
            AccessModelErrorCode.DanglingReference,
            "$.supportGrants[0].workplaces[1]",
            9,
            $"$.supportGrants[0].workplaces[1] (line 9): Support grant `{Grant}` names workplace `Service`, which is not defined.");
    }

    [Fact]
    public void Deserialize_RecordNamingAnUnknownGrant_PointsAtTheGrant()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "objects": [ { "name": "Opportunity", "useRecordPermissions": true } ],
              "records": [
                { "object": "Opportunity", "id": "{{Sales}}",
                  "createdInSupportGrant": "{{Grant}}" }
              ]
            }
            """;

        AssertError(
            SingleErrorOf(Json),
            AccessModelErrorCode.DanglingReference,
            "$.records[0].createdInSupportGrant",
            6,
            $"$.records[0].createdInSupportGrant (line 6): Record `{Sales}` of `Opportunity` was created in support grant `{Grant}`, which is not defined.");
    }

    [Fact]
    public void Deserialize_SupportAccessProblems_ReportsEachAtItsMember()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "settings": {
                "supportAccess": { "timeZoneId": "Mars/Olympus",
                  "license": "Gold" },
                "enabledAuditEvents": [ "SupportAccess", "Logins", "SupportAccess" ]
              },
              "workplaces": [ { "name": "Sales", "objects": [ "Opportunity" ], "colour": "red" } ],
              "supportGrants": [ { "id": "{{Grant}}", "reason": "Outage", "startDate": "2025-06-01", "grantor": "{{Seller}}", "grantedBy": "{{Seller}}" } ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = ErrorsOf(Json);

        Assert.Equal(
            [
                (AccessModelErrorCode.InvalidValue, "$.settings.supportAccess.license", 5L),
                (AccessModelErrorCode.InvalidValue, "$.settings.enabledAuditEvents[1]", 6L),
                (AccessModelErrorCode.InvalidValue, "$.settings.enabledAuditEvents[2]", 6L),
                (AccessModelErrorCode.UnknownMember, "$.workplaces[0].colour", 8L),
                (AccessModelErrorCode.MissingMember, "$.supportGrants[0]", 9L),

                // The rest is checked in the same pass: the workplace (without its unknown member), the settings.
                (AccessModelErrorCode.DanglingReference, "$.workplaces[0].objects[0]", 8L),
                (AccessModelErrorCode.InvalidValue, "$.settings.supportAccess.timeZoneId", 4L),
            ],
            errors.Select(e => (e.Code, e.Path!, e.Line!.Value)));
    }

    [Fact]
    public void Deserialize_ModelProblemsOfSupportAccess_ReportsEachAtItsMember()
    {
        const string Json = $$"""
            {
              "formatVersion": 1,
              "settings": {
                "supportAccess": {
                  "timeZoneId": "Mars/Olympus"
                }
              },
              "workplaces": [ { "name": "Sales", "objects": [ "Opportunity" ] } ],
              "supportGrants": [ { "id": "{{Grant}}", "reason": "Outage", "startDate": "2025-06-01", "closeDate": "2025-06-01", "grantor": "{{Seller}}", "grantedBy": "{{Missing}}" } ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = ErrorsOf(Json);

        Assert.Equal(
            [
                (AccessModelErrorCode.DanglingReference, "$.workplaces[0].objects[0]", 8L),
                (AccessModelErrorCode.DanglingReference, "$.supportGrants[0].grantor", 9L),
                (AccessModelErrorCode.DanglingReference, "$.supportGrants[0].grantedBy", 9L),
                (AccessModelErrorCode.InvalidValue, "$.settings.supportAccess.timeZoneId", 5L),
            ],
            errors.Select(e => (e.Code, e.Path!, e.Line!.Value)));
    }

    [Fact]
    public void Build_UndefinedAuditEventTypeOrEmptyEnvironment_IsRefusedSoNoDocumentCanLoseThem()
    {
        var seller = new UserId(Guid.Parse(Seller));
        AccessModelBuilder builder = new AccessModelBuilder
        {
            Settings = new AccessSettings
            {
                EnabledAuditEvents = [AccessAuditEventType.RoleChange, (AccessAuditEventType)99],
                SupportAccess = new SupportAccessSettings { Environment = " " },
            },
        }
            .Add(new UserDefinition(seller, "Seller"))
            .Add(new SupportAccessGrant(new SupportGrantId(Guid.Parse(Grant)), "Outage", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1), seller, seller) { Environment = "" });

        IReadOnlyList<AccessModelError> errors = Assert.Throws<AccessModelValidationException>(builder.Build).Errors;

        Assert.Equal(
            [
                $"Support grant `{Grant}` has no environment.",
                "The support access settings have no environment.",
                "The list of enabled audit events has AccessAuditEventType `99`, which is not defined.",
            ],
            errors.Select(e => e.Message));
    }

    private static class BuiltInIds
    {
        public const string AllEmployees = "a29a3ba5-4b0d-de11-9a51-005056c00008";
    }
}

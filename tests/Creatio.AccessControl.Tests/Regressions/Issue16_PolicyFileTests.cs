using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 16, "Policy files": what users hit when they wrote policy documents by hand.</summary>
public sealed partial class Issue16_PolicyFileTests
{
    private static readonly Guid s_sales = Ids.Role("Sales").Value;
    private static readonly Guid s_ann = Ids.User("Ann").Value;
    private static readonly Guid s_ghost = Ids.User("Ghost").Value;

    private static AccessModelValidationException Invalid(string json) =>
        Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(json));

    // "$schema" is refused, though the schema ships "for editors".

    [Fact]
    public void Deserialize_SchemaAtTheTop_IsAcceptedAndIgnored()
    {
        const string Json = """
            {
              "$schema": "../schemas/access-policy.v1.schema.json",
              "formatVersion": 1,
              "users": [ { "id": "11111111-1111-1111-1111-111111111111", "name": "Ann" } ]
            }
            """;

        AccessModel model = AccessPolicyJson.Deserialize(Json);

        Assert.Equal("Ann", Assert.Single(model.Users).Name);
        Assert.DoesNotContain("$schema", AccessPolicyJson.Serialize(model), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_EmptySchemaFromAStream_IsAccepted()
    {
        using var stream = new MemoryStream("""{ "formatVersion": 1, "$schema": "" }"""u8.ToArray());

        AccessModel model = AccessPolicyJson.Deserialize(stream);

        Assert.Empty(model.Users);
    }

    [Theory]
    [InlineData("5", "Expected a string, found a number.")]
    [InlineData("null", "Expected a string, found `null`.")]
    [InlineData("{}", "Expected a string, found an object.")]
    public void Deserialize_SchemaNotAString_IsRefused(string value, string message)
    {
        AccessModelError error = Assert.Single(Invalid("{ \"$schema\": " + value + ", \"formatVersion\": 1 }").Errors);

        Assert.Equal(AccessModelErrorCode.InvalidType, error.Code);
        Assert.Equal("$['$schema']", error.Path);
        Assert.Equal("$['$schema'] (line 1): " + message, error.Message);
    }

    [Fact]
    public void Deserialize_SchemaBelowTheTop_IsAnUnknownMember()
    {
        string json = $$"""{ "formatVersion": 1, "users": [ { "$schema": "x", "id": "{{s_ann}}", "name": "Ann" } ] }""";

        AccessModelError error = Assert.Single(Invalid(json).Errors);

        Assert.Equal(AccessModelErrorCode.UnknownMember, error.Code);
        Assert.Equal("$.users[0]['$schema']", error.Path);
    }

    // validate reports format errors first, and reference errors only after those are fixed.

    [Fact]
    public void Deserialize_BadValueInOneRowAndUnknownReferenceInAnother_ReportsBoth()
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{s_sales}}", "name": "Sales", "kind": "Divison" }
              ],
              "users": [ { "id": "{{s_ann}}", "name": "Ann" } ],
              "memberships": [
                { "user": "{{s_ghost}}", "role": "{{BuiltInRoles.AllEmployees.Value}}" }
              ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = Invalid(json).Errors;

        Assert.Equal(
            [
                (AccessModelErrorCode.InvalidValue, "$.roles[0].kind", 4L),
                (AccessModelErrorCode.DanglingReference, "$.memberships[0].user", 8L),
            ],
            errors.Select(e => (e.Code, e.Path!, e.Line!.Value)));
    }

    [Fact]
    public void Deserialize_ReferenceToARowThatFailedToParse_IsNotReportedAgain()
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{s_sales}}", "name": "Sales", "kind": "Divison" }
              ],
              "users": [ { "id": "{{s_ann}}", "name": "Ann" } ],
              "memberships": [ { "user": "{{s_ann}}", "role": "{{s_sales.ToString().ToUpperInvariant()}}" } ],
              "objects": [ { "name": "Invoice", "category": "Nope" } ],
              "objectOperationRows": [
                { "object": "Invoice", "grantee": "{{s_sales}}", "position": 0, "operations": [ "Read" ] }
              ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = Invalid(json).Errors;

        Assert.Equal(["$.roles[0].kind", "$.objects[0].category"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Deserialize_RowsAfterARowThatFailedToParse_AreLocatedAtTheirOwnIndex()
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "users": [ { "id": "{{s_ann}}", "name": "Ann" } ],
              "memberships": [
                { "user": "{{s_ann}}", "role": "not a guid" },
                { "user": "{{s_ann}}" },
                { "user": "{{s_ann}}", "role": "{{s_sales}}", "since": "2024" }
              ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = Invalid(json).Errors;

        Assert.Equal(
            [
                (AccessModelErrorCode.InvalidValue, "$.memberships[0].role"),
                (AccessModelErrorCode.MissingMember, "$.memberships[1]"),
                (AccessModelErrorCode.UnknownMember, "$.memberships[2].since"),
                (AccessModelErrorCode.DanglingReference, "$.memberships[2].role"),
            ],
            errors.Select(e => (e.Code, e.Path!)));
    }

    [Fact]
    public void Deserialize_UnknownTopLevelMember_StillChecksTheReferences()
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "colour": "red",
              "memberships": [ { "user": "{{s_ghost}}", "role": "{{BuiltInRoles.AllEmployees.Value}}" } ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = Invalid(json).Errors;

        Assert.Equal([AccessModelErrorCode.UnknownMember, AccessModelErrorCode.DanglingReference], errors.Select(e => e.Code));
    }

    [Fact]
    public void Deserialize_DefiningListOfTheWrongType_ReportsNoReferenceIntoIt()
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "users": { "id": "{{s_ann}}" },
              "memberships": [ { "user": "{{s_ann}}", "role": "{{BuiltInRoles.AllEmployees.Value}}" } ]
            }
            """;

        AccessModelError error = Assert.Single(Invalid(json).Errors);

        Assert.Equal(AccessModelErrorCode.InvalidType, error.Code);
        Assert.Equal("$.users", error.Path);
    }

    [Fact]
    public void Deserialize_MissingFormatVersion_StillChecksTheRest()
    {
        string json = $$"""{ "memberships": [ { "user": "{{s_ghost}}", "role": "{{BuiltInRoles.AllEmployees.Value}}" } ] }""";

        IReadOnlyList<AccessModelError> errors = Invalid(json).Errors;

        Assert.Equal([AccessModelErrorCode.MissingMember, AccessModelErrorCode.DanglingReference], errors.Select(e => e.Code));
    }

    [Fact]
    public void Deserialize_OtherFormatVersion_ReportsOnlyThat()
    {
        string json = $$"""{ "formatVersion": 2, "colour": "red", "memberships": [ { "user": "{{s_ghost}}", "role": "{{s_sales}}" } ] }""";

        Assert.Equal(AccessModelErrorCode.UnsupportedFormatVersion, Assert.Single(Invalid(json).Errors).Code);
    }

    [Fact]
    public void Deserialize_BadSettingValue_TakesTheDefaultForTheRest()
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "settings": { "supportAccess": { "maxDurationDays": "ten" }, "enabledAuditEvents": [ "Nope" ] },
              "memberships": [ { "user": "{{s_ghost}}", "role": "{{BuiltInRoles.AllEmployees.Value}}" } ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = Invalid(json).Errors;

        Assert.Equal(
            ["$.settings.supportAccess.maxDurationDays", "$.settings.enabledAuditEvents[0]", "$.memberships[0].user"],
            errors.Select(e => e.Path));
    }

    [Fact]
    public void Deserialize_ShapeAndModelProblemsOverTheCap_CountsBoth()
    {
        var members = string.Concat(Enumerable.Range(0, 120).Select(i => $", \"m{i}\": 0"));
        var memberships = string.Join(", ", Enumerable.Range(0, 30).Select(i => $$"""{ "user": "{{Ids.User("Ghost " + i).Value}}", "role": "{{BuiltInRoles.AllEmployees.Value}}" }"""));
        string json = "{ \"formatVersion\": 1" + members + ", \"memberships\": [ " + memberships + " ] }";

        AccessModelValidationException exception = Invalid(json);

        Assert.Equal(150, exception.TotalErrorCount);
        Assert.Equal(AccessModelValidationException.MaxReportedErrors, exception.Errors.Count);
        Assert.All(exception.Errors, e => Assert.Equal(AccessModelErrorCode.UnknownMember, e.Code));
    }

    [Fact]
    public void Deserialize_ShapeProblemsUnderTheCapAndModelProblems_ReportsShapeProblemsFirst()
    {
        var memberships = string.Join(", ", Enumerable.Range(0, 30).Select(i => $$"""{ "user": "{{Ids.User("Ghost " + i).Value}}", "role": "{{BuiltInRoles.AllEmployees.Value}}" }"""));
        string json = "{ \"formatVersion\": 1, \"colour\": 0, \"memberships\": [ " + memberships + " ] }";

        AccessModelValidationException exception = Invalid(json);

        Assert.Equal(31, exception.TotalErrorCount);
        Assert.Equal(AccessModelErrorCode.UnknownMember, exception.Errors[0].Code);
        Assert.Equal("$.memberships[29].user", exception.Errors[^1].Path);
    }
}

using System.Text.Json;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>Explanations: the same decision as the checks, the deciding step and row, readable text and JSON.</summary>
public sealed class ExplainTests
{
    private static Org Company() => new Org()
        .Organization("Sales", "All employees")
        .Managers("Sales")
        .User("Ann", "Sales")
        .User("Mia", "Managers of Sales")
        .User("Bob")
        .Object("Deal", true, true, false, "Amount")
        .ObjectRow("Deal", "Sales", 0, ObjectOperations.Read | ObjectOperations.Edit)
        .ObjectRow("Deal", "All employees", 1, ObjectOperations.Read)
        .ColumnRow("Deal", "Amount", "Sales", 0, ColumnRightLevel.Read)
        .ColumnRow("Deal", "Amount", "All employees", 1, ColumnRightLevel.ReadEdit)
        .Record("Deal", "r1", author: "Ann")
        .Right("Deal", "r1", "All employees", RecordOperation.Read)
        .Operation(SystemOperations.CanExportGrid, "Bob", 0, canExecute: false)
        .Operation(SystemOperations.CanExportGrid, "All employees", 1);

    private static (AccessDecision Decision, AccessExplanation Explanation) Both(Org org, string user, AccessRequest request)
    {
        AccessPrincipal principal = org.Principal(user);
        return (principal.Check(request), principal.Explain(request));
    }

    private static AccessExplanationStep Deciding(AccessExplanation explanation) =>
        explanation.Steps.Last(s => s.Result is AccessStepResult.Allowed or AccessStepResult.Denied);

    [Fact]
    public void Explain_ObjectRequest_DecidingRowIsTheFirstMatchingRow()
    {
        (AccessDecision decision, AccessExplanation explanation) = Both(Company(), "Bob", AccessRequest.ForObject("Deal", ObjectOperation.Edit));

        Assert.Equal(decision, explanation.Decision);
        AccessExplanationStep step = Deciding(explanation);
        Assert.Equal((AccessStage.Object, AccessStepResult.Denied, AccessReason.ObjectRowDenies), (step.Stage, step.Result, step.Reason));
        AccessExplanationRow row = Assert.Single(step.Rows, r => r.Decides);
        Assert.Equal(("All employees", 1, true), (row.GranteeName, row.Position!.Value, row.InEffectiveRoles));
        Assert.False(step.Rows[0].InEffectiveRoles);
    }

    [Fact]
    public void Explain_RecordRequest_DecidingRowIsTheAuthor()
    {
        (AccessDecision decision, AccessExplanation explanation) = Both(Company(), "Ann", AccessRequest.ForRecord("Deal", Ids.Record("r1"), RecordOperation.Edit));

        Assert.Equal(decision, explanation.Decision);
        AccessExplanationStep step = Deciding(explanation);
        Assert.Equal((AccessStage.Record, AccessReason.RecordAuthor), (step.Stage, step.Reason));
        Assert.Equal("Ann", Assert.Single(step.Rows, r => r.Decides).GranteeName);
    }

    [Fact]
    public void Explain_RecordRequestDecidedByManagerUnit_MarksTheManagerRowNotARowOfTheSameGranteeForAnotherOperation()
    {
        Org org = Company().Right("Deal", "r1", "Managers of Sales", RecordOperation.Read);

        (AccessDecision decision, AccessExplanation explanation) = Both(org, "Mia", AccessRequest.ForRecord("Deal", Ids.Record("r1"), RecordOperation.Edit));

        Assert.Equal(AccessReason.ManagerOfAuthorOrOwner, decision.Reason);
        AccessExplanationRow row = Assert.Single(Deciding(explanation).Rows, r => r.Decides);
        Assert.Equal("Managers of Sales", row.GranteeName);
        Assert.StartsWith("manager of the author or owner", row.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ColumnRequest_DecidingRowIsTheColumnRow()
    {
        (AccessDecision decision, AccessExplanation explanation) = Both(Company(), "Ann", AccessRequest.ForColumn("Deal", "Amount", ColumnOperation.Edit, Ids.Record("r1")));

        Assert.Equal((AccessOutcome.Deny, AccessReason.ColumnReadOnly), (decision.Outcome, decision.Reason));
        Assert.Equal(decision, explanation.Decision);
        AccessExplanationStep step = Deciding(explanation);
        Assert.Equal(AccessStage.Column, step.Stage);
        Assert.Equal(("Sales", 0), (Assert.Single(step.Rows, r => r.Decides).GranteeName, Assert.Single(step.Rows, r => r.Decides).Position!.Value));
        Assert.Contains(explanation.Steps, s => s.Stage == AccessStage.Record && s.Result == AccessStepResult.Allowed);
    }

    [Fact]
    public void Explain_SystemOperationRequest_DecidingRowIsTheFirstMatchingRow()
    {
        (AccessDecision decision, AccessExplanation explanation) = Both(Company(), "Bob", AccessRequest.ForSystemOperation(SystemOperations.CanExportGrid));

        Assert.Equal(decision, explanation.Decision);
        AccessExplanationStep step = Deciding(explanation);
        Assert.Equal((AccessStage.SystemOperation, AccessStepResult.Denied, AccessReason.SystemOperationRowDenies), (step.Stage, step.Result, step.Reason));
        Assert.Equal("Bob", Assert.Single(step.Rows, r => r.Decides).GranteeName);
    }

    [Fact]
    public void Explain_SuperOperation_LaterStepsSkipped()
    {
        Org org = Company().Operation(SystemOperations.CanUpdateEverything, "Bob", 0);

        (AccessDecision decision, AccessExplanation explanation) = Both(org, "Bob", AccessRequest.ForColumn("Deal", "Amount", ColumnOperation.Edit, Ids.Record("r1")));

        Assert.Equal(AccessReason.SuperOperation, decision.Reason);
        Assert.Equal(AccessStage.SuperOperation, Deciding(explanation).Stage);
        Assert.Equal(
            [AccessStage.Object, AccessStage.Record, AccessStage.Column],
            explanation.Steps.Where(s => s.Result == AccessStepResult.Skipped).Select(s => s.Stage));
    }

    [Theory]
    [InlineData(AccessRequestKind.Object, 7)]
    [InlineData(AccessRequestKind.Object, -1)]
    [InlineData(AccessRequestKind.Record, 7)]
    [InlineData(AccessRequestKind.Record, -1)]
    [InlineData(AccessRequestKind.Column, 7)]
    [InlineData(AccessRequestKind.Column, -1)]
    [InlineData(AccessRequestKind.Share, 7)]
    [InlineData(AccessRequestKind.Share, -1)]
    public void Explain_UndefinedOperationValue_DeniesWithInvalidRequestWithoutThrowing(AccessRequestKind kind, int value)
    {
        AccessRequest request = kind switch
        {
            AccessRequestKind.Object => AccessRequest.ForObject("Deal", (ObjectOperation)value),
            AccessRequestKind.Record => AccessRequest.ForRecord("Deal", Ids.Record("r1"), (RecordOperation)value),
            AccessRequestKind.Column => AccessRequest.ForColumn("Deal", "Amount", (ColumnOperation)value),
            _ => AccessRequest.ForShare("Deal", Ids.Record("r1"), (RecordOperation)value),
        };

        (AccessDecision decision, AccessExplanation explanation) = Both(Company(), "Ann", request);

        Assert.Equal(AccessReason.InvalidRequest, decision.Reason);
        Assert.Equal(decision, explanation.Decision);
        AccessExplanationStep step = Deciding(explanation);
        Assert.Equal((decision.Stage, AccessStepResult.Denied, AccessReason.InvalidRequest), (step.Stage, step.Result, step.Reason));
    }

    [Fact]
    public void Explain_UnknownUser_SingleDeniedUserStep()
    {
        AccessExplanation explanation = Company().Compile().GetPrincipal(Ids.User("nobody"), DateTimeOffset.UnixEpoch)
            .Explain(AccessRequest.ForObject("Deal", ObjectOperation.Read));

        AccessExplanationStep step = Assert.Single(explanation.Steps);
        Assert.Equal((AccessStage.User, AccessStepResult.Denied, AccessReason.UnknownUser), (step.Stage, step.Result, step.Reason));
    }

    [Fact]
    public void ToString_Explanation_ReadableLinePerStepAndRow()
    {
        (AccessDecision decision, AccessExplanation explanation) = Both(Company(), "Bob", AccessRequest.ForObject("Deal", ObjectOperation.Edit));

        string text = explanation.ToString();

        Assert.StartsWith("Edit Deal by ", text, StringComparison.Ordinal);
        Assert.Contains("=> " + decision, text, StringComparison.Ordinal);
        Assert.Contains("    > #1 All employees: Read [in effective roles: built-in membership (every employee)]", text, StringComparison.Ordinal);
        Assert.Contains("      #0 Sales: Read, Edit", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Explanation_ParsesWithTheDecisionAndSteps()
    {
        Org org = Company();
        (AccessDecision decision, AccessExplanation explanation) = Both(org, "Bob", AccessRequest.ForObject("Deal", ObjectOperation.Edit));

        using JsonDocument json = JsonDocument.Parse(explanation.ToJson(indented: true));

        JsonElement root = json.RootElement;
        Assert.Equal(org.UserId("Bob").Value, root.GetProperty("user").GetGuid());
        Assert.Equal("Deny", root.GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Equal(decision.Reason.ToString(), root.GetProperty("decision").GetProperty("reason").GetString());
        Assert.Equal(1, root.GetProperty("decision").GetProperty("position").GetInt32());
        Assert.Equal(explanation.Steps.Count, root.GetProperty("steps").GetArrayLength());
        JsonElement objectStep = root.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "Object");
        Assert.Single(objectStep.GetProperty("rows").EnumerateArray(), r => r.GetProperty("decides").GetBoolean());
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore.Tests.Authorization;

/// <summary>The policy names the package's provider answers: built by <see cref="AccessPolicyNames"/>, read back into their
/// requirements; anything else is left to the app's provider.</summary>
public sealed class AccessPolicyNamesTests
{
    [Fact]
    public void Names_HaveTheDocumentedForms()
    {
        Assert.Equal("Access:Object:Opportunity:Edit", AccessPolicyNames.Object("Opportunity", ObjectOperation.Edit));
        Assert.Equal("Access:Record:Opportunity:Delete:id", AccessPolicyNames.Record("Opportunity", RecordOperation.Delete));
        Assert.Equal("Access:Record:Opportunity:Read:deal", AccessPolicyNames.Record("Opportunity", RecordOperation.Read, "deal"));
        Assert.Equal("Access:SystemOperation:CanManageUsers", AccessPolicyNames.SystemOperation(SystemOperations.CanManageUsers));
    }

    [Property]
    public void ObjectNames_ReadBack(NonEmptyString objectName, ObjectOperation operation)
    {
        if (string.IsNullOrWhiteSpace(objectName.Get) || !Enum.IsDefined(operation))
        {
            return;
        }

        Assert.True(AccessPolicyNames.TryParse(AccessPolicyNames.Object(objectName.Get, operation), out IAuthorizationRequirement? requirement));
        var read = Assert.IsType<ObjectAccessRequirement>(requirement);
        Assert.Equal(objectName.Get, read.Object.Value);
        Assert.Equal(operation, read.Operation);
    }

    [Property]
    public Property RecordNames_ReadBack() => Prop.ForAll(
        ArbMap.Default.GeneratorFor<NonEmptyString>().Where(s => !string.IsNullOrWhiteSpace(s.Get)).ToArbitrary(),
        Gen.Elements(RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete).ToArbitrary(),
        Gen.Elements("id", "deal", "record_id").ToArbitrary(),
        (objectName, operation, routeValue) =>
        {
            bool parsed = AccessPolicyNames.TryParse(AccessPolicyNames.Record(objectName.Get, operation, routeValue), out IAuthorizationRequirement? requirement);
            var read = requirement as RecordAccessRequirement;
            return parsed && read is not null && read.Object.Value == objectName.Get && read.Operation == operation && read.RouteValueName == routeValue;
        });

    [Theory]
    [InlineData("Access:Record:Opportunity:Edit", "Opportunity", RecordOperation.Edit, "id")]
    [InlineData("Access:Record:a:b:Read:deal", "a:b", RecordOperation.Read, "deal")]
    [InlineData("access:record:Opportunity:Read", "Opportunity", RecordOperation.Read, "id")]
    public void RecordNames_WithoutARouteValue_ReadTheDefault(string name, string objectName, RecordOperation operation, string routeValue)
    {
        Assert.True(AccessPolicyNames.TryParse(name, out IAuthorizationRequirement? requirement));
        var read = Assert.IsType<RecordAccessRequirement>(requirement);
        Assert.Equal((objectName, operation, routeValue), (read.Object.Value, read.Operation, read.RouteValueName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Admins")]
    [InlineData("Access:")]
    [InlineData("Access:Object:Opportunity")]
    [InlineData("Access:Object::Read")]
    [InlineData("Access:Object: :Read")]
    [InlineData("Access:Object:Opportunity:1")]
    [InlineData("Access:Object:Opportunity:read")]
    [InlineData("Access:Object:Opportunity:Approve")]
    [InlineData("Access:Record:Opportunity:Create")]
    [InlineData("Access:Record:Opportunity:Edit: ")]
    [InlineData("Access:Record::Edit:id")]
    [InlineData("Access:SystemOperation:")]
    [InlineData("Access:SystemOperation:  ")]
    [InlineData("Access:Column:Opportunity:Margin:Read")]
    public void OtherNames_AreNotThePackages(string? name)
    {
        Assert.False(AccessPolicyNames.TryParse(name, out IAuthorizationRequirement? requirement));
        Assert.Null(requirement);
    }

    [Fact]
    public void Record_ARouteValueWithAColon_Throws()
    {
        Assert.Throws<ArgumentException>(() => AccessPolicyNames.Record("Opportunity", RecordOperation.Read, "a:b"));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccessPolicyNames.Object("Opportunity", (ObjectOperation)9));
        Assert.Throws<ArgumentException>(() => AccessPolicyNames.Object(default, ObjectOperation.Read));
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

public sealed class MappingErrorTests : IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public MappingErrorTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    private sealed class Badly
    {
        public int Id { get; set; }

        public string Author { get; set; } = string.Empty;

        public Guid? CreatedById { get; set; }

        public Guid? OwnerId { get; set; }
    }

    [Fact]
    public void HasAccessObject_AuthorNotAGuid_NamesTheEntityAndProperty()
    {
        var builder = new ModelBuilder();

        ArgumentException error = Assert.Throws<ArgumentException>(() => builder.HasAccessObject<Badly>("Thing", b => (Guid?)Guid.Parse(b.Author), b => b.OwnerId));

        Assert.Equal("The author of entity 'Badly' must be given as one of its properties, like `e => e.AuthorId`; `Convert(Parse(b.Author), Nullable`1)` is not. (Parameter 'author')", error.Message);
    }

    [Fact]
    public void HasAccessObject_DefaultObjectName_Throws()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new ModelBuilder().HasAccessObject<Opportunity>(default, o => o.CreatedById, o => o.OwnerId));

        Assert.Equal("objectName", error.ParamName);
    }

    [Fact]
    public void HasAccessObject_EntityMappedToAnotherObject_Throws()
    {
        ModelBuilder builder = new ModelBuilder().HasAccessObject<Opportunity>("Opportunity", o => o.CreatedById, o => o.OwnerId);

        ArgumentException error = Assert.Throws<ArgumentException>(() => builder.HasAccessObject<Opportunity>("Lead", o => o.CreatedById, o => o.OwnerId));

        Assert.Equal("The entity 'Opportunity' is already mapped to the access object `Opportunity`; it cannot also hold `Lead`. (Parameter 'objectName')", error.Message);
    }

    [Fact]
    public void ValidateAccessMapping_KeyNotAGuidAndAuthorIgnored_ListsBothNamingEntityAndProperty()
    {
        using var context = ShopContext.Sqlite(_connection, "bad", b =>
        {
            b.HasAccessObject<Badly>("Thing", x => x.CreatedById, x => x.OwnerId);
            b.Entity<Badly>().Ignore(x => x.CreatedById);
        });

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(context.ValidateAccessMapping);

        Assert.Equal(
            $"The access mapping of the Entity Framework Core model has 2 problem(s):{Environment.NewLine}" +
            $"- The key property 'Badly.Id' is of type Int32; the key of an entity holding the records of `Thing` must be a Guid, the record id.{Environment.NewLine}" +
            "- The author property 'Badly.CreatedById' is not mapped to a column; it must be, as a Guid or Guid?.",
            error.Message);
        Assert.Equal(error.Message, Assert.Throws<InvalidOperationException>(() => context.Set<Badly>().WhereAccessible(Shop.Principal(Shop.Ann), RecordOperation.Read)).Message);
    }

    [Fact]
    public void ValidateAccessMapping_RightsEntityRemoved_SaysHowToMapIt()
    {
        using var context = ShopContext.Sqlite(_connection, "no rights", b =>
        {
            b.HasAccessObject<Opportunity>("Opportunity", o => o.CreatedById, o => o.OwnerId);
            b.Ignore<EntityRecordRight>();
        });

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(context.ValidateAccessMapping);

        Assert.Contains("The record rights entity 'EntityRecordRight' is not in the model; map it with modelBuilder.HasRecordRights().", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAccessMapping_GoodMapping_Passes()
    {
        using var context = ShopContext.Sqlite(_connection, "shop", Shop.Configure);

        context.ValidateAccessMapping();

        Assert.NotNull(context.Model.FindEntityType(typeof(EntityRecordRight)));
    }

    [Fact]
    public void WhereAccessible_EntityNotMapped_SaysHowToMapIt()
    {
        using var context = ShopContext.Sqlite(_connection, "only opportunities", b => b.HasAccessObject<Opportunity>("Opportunity", o => o.CreatedById, o => o.OwnerId).Entity<Invoice>());

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => context.Invoices.WhereAccessible(Shop.Principal(Shop.Ann), RecordOperation.Read));

        Assert.Equal("The entity 'Invoice' is not mapped to an access object; map it with modelBuilder.HasAccessObject<Invoice>(objectName, author, owner).", error.Message);
    }

    [Fact]
    public void WhereAccessible_NotAnEntityFrameworkQuery_Throws()
    {
        IQueryable<Opportunity> query = new List<Opportunity>().AsQueryable();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => query.WhereAccessible(Shop.Principal(Shop.Ann), RecordOperation.Read));

        Assert.Equal("WhereAccessible filters Entity Framework Core queries; this query over 'Opportunity' does not come from a DbContext.", error.Message);
    }

    [Fact]
    public void WhereAccessible_OperationOutOfRange_Throws()
    {
        using var context = ShopContext.Sqlite(_connection, "shop", Shop.Configure);

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => context.Opportunities.WhereAccessible(Shop.Principal(Shop.Ann), (RecordOperation)7));

        Assert.Equal("operation", error.ParamName);
    }

    [Fact]
    public void WhereAccessible_FilterOfAnotherObject_Throws()
    {
        using var context = ShopContext.Sqlite(_connection, "shop", Shop.Configure);
        RecordFilter filter = Shop.Principal(Shop.Ann).GetRecordFilter("Invoice", RecordOperation.Read);

        ArgumentException error = Assert.Throws<ArgumentException>(() => context.Opportunities.WhereAccessible(filter));

        Assert.Equal("The filter is for the object `Invoice`; the entity 'Opportunity' holds the records of `Opportunity`. (Parameter 'filter')", error.Message);
    }
}

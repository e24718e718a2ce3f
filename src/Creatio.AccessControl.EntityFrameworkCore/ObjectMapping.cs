using Microsoft.EntityFrameworkCore.Metadata;

namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>How one entity holds the records of an access object.</summary>
/// <param name="Object">The access object.</param>
/// <param name="EntityName">The entity's display name, for messages.</param>
/// <param name="Entity">The entity type.</param>
/// <param name="Key">The key property, the record id.</param>
/// <param name="Author">The author property.</param>
/// <param name="Owner">The owner property.</param>
/// <param name="SupportGrant">The property of the support grant a record was created in, if any.</param>
internal sealed record ObjectMapping(ObjectName Object, string EntityName, IEntityType Entity, string Key, IProperty Author, IProperty Owner, IProperty? SupportGrant);

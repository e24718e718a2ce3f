namespace Creatio.AccessControl.Serialization;

/// <summary>Converts between a model and the data transfer objects of the policy document.</summary>
/// <remarks>Each document list maps to the model list of the same name, row for row and in order, so that an index in
/// a model list (as the validator reports it) is the index in the document array.</remarks>
internal static class PolicyDocumentMapper
{
    private static readonly ObjectOperation[] s_operations = [ObjectOperation.Read, ObjectOperation.Create, ObjectOperation.Edit, ObjectOperation.Delete];

    public static PolicyDocument ToDocument(AccessModel model) => new()
    {
        FormatVersion = AccessPolicyJson.FormatVersion,
        Settings = ToDocument(model.Settings),
        Users = [.. model.Users.Select(u => new PolicyUser
        {
            Id = u.Id.Value,
            Name = u.Name,
            Kind = u.Kind,
            IsActive = u.IsActive,
            Contact = u.Contact?.Value,
            Account = u.Account?.Value,
        })],
        Roles = [.. model.Roles.Select(r => new PolicyRole
        {
            Id = r.Id.Value,
            Name = r.Name,
            Kind = r.Kind,
            Parent = r.Parent?.Value,
            Account = r.Account?.Value,
        })],
        Memberships = [.. model.Memberships.Select(m => new PolicyMembership { User = m.User.Value, Role = m.Role.Value })],
        FunctionalLinks = [.. model.FunctionalLinks.Select(l => new PolicyFunctionalLink
        {
            FunctionalRole = l.FunctionalRole.Value,
            OrganizationalRole = l.OrganizationalRole.Value,
        })],
        Delegations = [.. model.Delegations.Select(d => new PolicyDelegation { Grantor = d.Grantor.Value, Recipient = d.Recipient.Value, EndsAt = d.EndsAt })],
        RolesNotInheritedByManagers = [.. model.RolesNotInheritedByManagers.Select(r => r.Value)],
        Objects = [.. model.Objects.Select(o => new PolicyObject
        {
            Name = o.Name.Value,
            Category = o.Category,
            UseOperationPermissions = o.UseOperationPermissions,
            UseRecordPermissions = o.UseRecordPermissions,
            KeepsRecordsInDatabase = o.KeepsRecordsInDatabase,
            IsAvailableForPortal = o.IsAvailableForPortal,
            Columns = [.. (o.Columns ?? []).Select(c => c.Value)],
        })],
        ObjectOperationRows = [.. model.ObjectOperationRows.Select(r => new PolicyObjectOperationRow
        {
            Object = r.Object.Value,
            Grantee = r.Grantee.Value,
            Position = r.Position,
            Operations = ToList(r.Operations),
        })],
        ColumnRightRows = [.. model.ColumnRightRows.Select(r => new PolicyColumnRightRow
        {
            Object = r.Object.Value,
            Column = r.Column.Value,
            Grantee = r.Grantee.Value,
            Position = r.Position,
            Level = r.Level,
        })],
        Records = [.. model.Records.Select(r => new PolicyRecord
        {
            Object = r.Object.Value,
            Id = r.Id.Value,
            Author = r.Author?.Value,
            Owner = r.Owner?.Value,
            CreatedInSupportGrant = r.CreatedInSupportGrant?.Value,
        })],
        RecordRightRows = [.. model.RecordRightRows.Select(r => new PolicyRecordRightRow
        {
            Object = r.Object.Value,
            Record = r.Record.Value,
            Grantee = r.Grantee.Value,
            Operation = r.Operation,
            Level = r.Level,
            Source = r.Source,
        })],
        DefaultRecordRightRules = [.. model.DefaultRecordRightRules.Select(r => new PolicyDefaultRecordRightRule
        {
            Object = r.Object.Value,
            Author = r.Author.Value,
            Grantee = r.Grantee?.Value,
            Operation = r.Operation,
            Level = r.Level,
        })],
        SystemOperations = [.. model.SystemOperations.Select(o => new PolicySystemOperation
        {
            Code = o.Code.Value,
            IsConfiguration = o.IsConfiguration,
            ObjectAccess = [.. (o.ObjectAccess ?? []).Select(g => new PolicyObjectAccessGrant { Object = g.Object.Value, Operations = ToList(g.Operations) })],
        })],
        SystemOperationRows = [.. model.SystemOperationRows.Select(r => new PolicySystemOperationRow
        {
            Operation = r.Operation.Value,
            Grantee = r.Grantee.Value,
            Position = r.Position,
            CanExecute = r.CanExecute,
        })],
        Workplaces = [.. model.Workplaces.Select(w => new PolicyWorkplace { Name = w.Name, Objects = [.. (w.Objects ?? []).Select(o => o.Value)] })],
        SupportGrants = [.. model.SupportGrants.Select(g => new PolicySupportGrant
        {
            Id = g.Id.Value,
            Reason = g.Reason,
            StartDate = g.StartDate,
            CloseDate = g.CloseDate,
            Grantor = g.Grantor.Value,
            GrantedBy = g.GrantedBy.Value,
            DenyDataAccess = g.DenyDataAccess,
            DenyConfiguration = g.DenyConfiguration,
            IsActive = g.IsActive,
            Workplaces = [.. g.Workplaces ?? []],
            Level = g.Level,
            Environment = g.Environment,
        })],
    };

    private static PolicySettings ToDocument(AccessSettings settings)
    {
        SupportAccessSettings support = settings.SupportAccess ?? SupportAccessSettings.Default;
        return new PolicySettings
        {
            PortalAvailabilityMode = settings.PortalAvailabilityMode,
            SupportAccess = new PolicySupportAccessSettings
            {
                TimeZoneId = support.TimeZoneId,
                MaxDurationDays = support.MaxDurationDays,
                DefaultDurationDays = support.DefaultDurationDays,
                AllowNonAdminsToGrant = support.AllowNonAdminsToGrant,
                License = support.License,
                Environment = support.Environment,
                AllowAdministrationWhenUnrestricted = support.AllowAdministrationWhenUnrestricted,
                ExternalAccessObject = support.ExternalAccessObject,
            },

            // The list is a set: a type listed twice is written once, in the order first listed, since a document
            // may not repeat a name (PolicyDocumentChecker).
            EnabledAuditEvents = [.. (settings.EnabledAuditEvents ?? []).Distinct()],
        };
    }

    private static AccessSettings ToSettings(PolicySettings settings) => new()
    {
        PortalAvailabilityMode = settings.PortalAvailabilityMode,
        SupportAccess = new SupportAccessSettings
        {
            TimeZoneId = settings.SupportAccess.TimeZoneId,
            MaxDurationDays = settings.SupportAccess.MaxDurationDays,
            DefaultDurationDays = settings.SupportAccess.DefaultDurationDays,
            AllowNonAdminsToGrant = settings.SupportAccess.AllowNonAdminsToGrant,
            License = settings.SupportAccess.License,
            Environment = settings.SupportAccess.Environment,
            AllowAdministrationWhenUnrestricted = settings.SupportAccess.AllowAdministrationWhenUnrestricted,
            ExternalAccessObject = settings.SupportAccess.ExternalAccessObject,
        },
        EnabledAuditEvents = [.. settings.EnabledAuditEvents],
    };

    /// <summary>Fills a builder from a document that <see cref="PolicyDocumentChecker"/> accepted (so every string is
    /// non-empty and no list is null).</summary>
    public static AccessModelBuilder ToBuilder(PolicyDocument document)
    {
        var builder = new AccessModelBuilder { Settings = ToSettings(document.Settings) };
        foreach (PolicyUser u in document.Users)
        {
            builder.Users.Add(new UserDefinition(new UserId(u.Id), u.Name, u.Kind)
            {
                IsActive = u.IsActive,
                Contact = u.Contact is { } contact ? new ContactId(contact) : null,
                Account = u.Account is { } account ? new AccountId(account) : null,
            });
        }

        foreach (PolicyRole r in document.Roles)
        {
            builder.Roles.Add(new RoleDefinition(new RoleId(r.Id), r.Name, r.Kind, r.Parent is { } parent ? new RoleId(parent) : null)
            {
                Account = r.Account is { } account ? new AccountId(account) : null,
            });
        }

        foreach (PolicyMembership m in document.Memberships)
        {
            builder.Memberships.Add(new RoleMembership(new UserId(m.User), new RoleId(m.Role)));
        }

        foreach (PolicyFunctionalLink l in document.FunctionalLinks)
        {
            builder.FunctionalLinks.Add(new FunctionalRoleLink(new RoleId(l.FunctionalRole), new RoleId(l.OrganizationalRole)));
        }

        foreach (PolicyDelegation d in document.Delegations)
        {
            builder.Delegations.Add(new Delegation(new AdminUnitId(d.Grantor), new AdminUnitId(d.Recipient), d.EndsAt));
        }

        if (document.RolesNotInheritedByManagers is { } notInherited)
        {
            builder.RolesNotInheritedByManagers.Clear();
            foreach (Guid role in notInherited)
            {
                builder.RolesNotInheritedByManagers.Add(new RoleId(role));
            }
        }

        foreach (PolicyObject o in document.Objects)
        {
            builder.Objects.Add(new ObjectDefinition(new ObjectName(o.Name), o.Category)
            {
                UseOperationPermissions = o.UseOperationPermissions,
                UseRecordPermissions = o.UseRecordPermissions,
                KeepsRecordsInDatabase = o.KeepsRecordsInDatabase,
                IsAvailableForPortal = o.IsAvailableForPortal,
                Columns = [.. o.Columns.Select(c => new ColumnName(c))],
            });
        }

        foreach (PolicyObjectOperationRow r in document.ObjectOperationRows)
        {
            builder.ObjectOperationRows.Add(new ObjectOperationRow(new ObjectName(r.Object), new AdminUnitId(r.Grantee), r.Position, ToFlags(r.Operations)));
        }

        foreach (PolicyColumnRightRow r in document.ColumnRightRows)
        {
            builder.ColumnRightRows.Add(new ColumnRightRow(new ObjectName(r.Object), new ColumnName(r.Column), new AdminUnitId(r.Grantee), r.Position, r.Level));
        }

        foreach (PolicyRecord r in document.Records)
        {
            builder.Records.Add(new RecordDefinition(
                new ObjectName(r.Object),
                new RecordId(r.Id),
                r.Author is { } author ? new UserId(author) : null,
                r.Owner is { } owner ? new UserId(owner) : null)
            {
                CreatedInSupportGrant = r.CreatedInSupportGrant is { } grant ? new SupportGrantId(grant) : null,
            });
        }

        foreach (PolicyRecordRightRow r in document.RecordRightRows)
        {
            builder.RecordRightRows.Add(new RecordRightRow(new ObjectName(r.Object), new RecordId(r.Record), new AdminUnitId(r.Grantee), r.Operation, r.Level, r.Source));
        }

        foreach (PolicyDefaultRecordRightRule r in document.DefaultRecordRightRules)
        {
            builder.DefaultRecordRightRules.Add(new DefaultRecordRightRule(
                new ObjectName(r.Object),
                new AdminUnitId(r.Author),
                r.Grantee is { } grantee ? new AdminUnitId(grantee) : null,
                r.Operation,
                r.Level));
        }

        foreach (PolicySystemOperation o in document.SystemOperations)
        {
            builder.SystemOperations.Add(new SystemOperationDefinition(new SystemOperationCode(o.Code), o.IsConfiguration)
            {
                ObjectAccess = [.. o.ObjectAccess.Select(g => new ObjectAccessGrant(new ObjectName(g.Object), ToFlags(g.Operations)))],
            });
        }

        foreach (PolicySystemOperationRow r in document.SystemOperationRows)
        {
            builder.SystemOperationRows.Add(new SystemOperationRow(new SystemOperationCode(r.Operation), new AdminUnitId(r.Grantee), r.Position, r.CanExecute));
        }

        foreach (PolicyWorkplace w in document.Workplaces)
        {
            builder.Workplaces.Add(new WorkplaceDefinition(w.Name, [.. w.Objects.Select(o => new ObjectName(o))]));
        }

        foreach (PolicySupportGrant g in document.SupportGrants)
        {
            builder.SupportGrants.Add(new SupportAccessGrant(new SupportGrantId(g.Id), g.Reason, g.StartDate, g.CloseDate, new UserId(g.Grantor), new UserId(g.GrantedBy))
            {
                DenyDataAccess = g.DenyDataAccess,
                DenyConfiguration = g.DenyConfiguration,
                IsActive = g.IsActive,
                Workplaces = [.. g.Workplaces],
                Level = g.Level,
                Environment = g.Environment,
            });
        }

        return builder;
    }

    /// <summary>Lists the operations of a flags value in their canonical order: Read, Create, Edit, Delete.</summary>
    private static List<ObjectOperation> ToList(ObjectOperations operations)
    {
        if ((operations & ~ObjectOperations.All) != 0)
        {
            // A built model never holds these: the validator rejects undefined operation flags.
            throw new InvalidOperationException($"Operations {(int)operations} are not defined.");
        }

        return [.. s_operations.Where(o => (operations & ToFlag(o)) != 0)];
    }

    private static ObjectOperations ToFlags(List<ObjectOperation> operations)
    {
        ObjectOperations flags = ObjectOperations.None;
        foreach (ObjectOperation operation in operations)
        {
            flags |= ToFlag(operation);
        }

        return flags;
    }

    private static ObjectOperations ToFlag(ObjectOperation operation) => (ObjectOperations)(1 << (int)operation);
}

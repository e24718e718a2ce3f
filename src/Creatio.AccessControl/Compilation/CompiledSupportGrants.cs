namespace Creatio.AccessControl.Compilation;

/// <summary>The support grants of a snapshot, with their windows and scopes resolved.</summary>
internal sealed class CompiledSupportGrants
{
    private CompiledSupportGrants(Dictionary<Guid, int> index, CompiledSupportGrant[] grants)
    {
        Index = index;
        Grants = grants;
    }

    public Dictionary<Guid, int> Index { get; }

    public CompiledSupportGrant[] Grants { get; }

    public static CompiledSupportGrants Compile(AccessModel model, System.Collections.Frozen.FrozenDictionary<string, int> objectIndex)
    {
        SupportAccessSettings settings = model.Settings.SupportAccess;
        Dictionary<string, WorkplaceDefinition> workplaces = model.Workplaces.ToDictionary(w => w.Name, StringComparer.Ordinal);
        var index = new Dictionary<Guid, int>(model.SupportGrants.Length);
        var grants = new CompiledSupportGrant[model.SupportGrants.Length];
        for (int i = 0; i < grants.Length; i++)
        {
            SupportAccessGrant grant = model.SupportGrants[i];
            index.Add(grant.Id.Value, i);
            bool[]? scope = null;
            if (grant.Workplaces.Count > 0)
            {
                scope = new bool[objectIndex.Count];
                foreach (string workplace in grant.Workplaces)
                {
                    foreach (ObjectName objectName in workplaces[workplace].Objects)
                    {
                        scope[objectIndex[objectName.Value]] = true;
                    }
                }
            }

            grants[i] = new CompiledSupportGrant(grant, SupportAccessWindow.For(grant, settings), scope);
        }

        return new CompiledSupportGrants(index, grants);
    }
}

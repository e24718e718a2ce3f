namespace Creatio.AccessControl.Stores;

/// <summary>What <see cref="AccessEvaluatorStoreExtensions.ApplyStoreChangeAsync"/> did with a change read from a store.</summary>
public enum AccessStoreChangeOutcome
{
    /// <summary>The change was applied and published at its version.</summary>
    Applied = 0,

    /// <summary>The evaluator already holds the change's version or a later one (a change this instance made itself):
    /// nothing was published.</summary>
    AlreadyApplied = 1,

    /// <summary>The evaluator holds another version than the one the change was made on (a change in between is
    /// missing): nothing was published; read the whole model again
    /// (<see cref="AccessEvaluatorStoreExtensions.ReplaceFromStoreAsync"/>).</summary>
    NotAtBaseVersion = 2,
}

namespace WebApi.Data;

/// <summary>A sales opportunity, as the app stores it; <c>Margin</c> is a column only managers may read.</summary>
public sealed record Opportunity(Guid Id, string Title, string Customer, decimal Amount, decimal Margin);

/// <summary>The body of an edit: the fields to change.</summary>
public sealed record OpportunityEdit(string? Title, decimal? Amount, decimal? Margin);

/// <summary>The body of a creation: the new opportunity's values.</summary>
public sealed record OpportunityCreate(string Title, string Customer, decimal Amount, decimal? Margin = null);

namespace Creatio.AccessControl.Cli;

/// <summary>The exit codes of <c>creatio-access</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success: the policy is valid, the request is allowed, every test passed.</summary>
    public const int Success = 0;

    /// <summary>The negative answer: the policy is invalid (<c>validate</c>), the request is denied (<c>check</c>), a test failed (<c>test</c>).</summary>
    public const int Negative = 1;

    /// <summary>The command line is wrong, or a file named on it cannot be read.</summary>
    public const int Usage = 2;

    /// <summary>The policy document (or the test file) is invalid, so the command could not run.</summary>
    public const int InvalidInput = 3;
}

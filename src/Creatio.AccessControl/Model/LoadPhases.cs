namespace Creatio.AccessControl;

/// <summary>Marks the phases of loading a model (validating it, compiling its tables) for a listener that times them: the
/// benchmark's breakdown of a load. Without a listener a phase costs one read of a static field.</summary>
/// <remarks>Phases may nest and may run on several threads at once; the listener is told of each when it ends.</remarks>
internal static class LoadPhases
{
    private static ILoadPhaseListener? s_listener;

    /// <summary>Gets or sets the listener told of every phase, or <see langword="null"/> for none.</summary>
    public static ILoadPhaseListener? Listener
    {
        get => Volatile.Read(ref s_listener);
        set => Volatile.Write(ref s_listener, value);
    }

    /// <summary>Starts a phase; disposing the result ends it.</summary>
    /// <param name="name">The phase's name, as the breakdown prints it.</param>
    public static Phase Begin(string name) => Listener is { } listener ? new Phase(listener, name, listener.Begin()) : default;

    /// <summary>A phase under way; <see cref="Dispose"/> ends it.</summary>
    internal readonly struct Phase : IDisposable
    {
        private readonly ILoadPhaseListener? _listener;
        private readonly string? _name;
        private readonly long _begun;

        public Phase(ILoadPhaseListener listener, string name, long begun)
        {
            _listener = listener;
            _name = name;
            _begun = begun;
        }

        /// <summary>Ends the phase.</summary>
        public void Dispose() => _listener?.End(_name!, _begun);
    }
}

/// <summary>Times the phases <see cref="LoadPhases"/> marks.</summary>
internal interface ILoadPhaseListener
{
    /// <summary>A phase starts on the calling thread.</summary>
    /// <returns>What <see cref="End"/> is given back for it.</returns>
    long Begin();

    /// <summary>A phase ends on the thread it began on.</summary>
    /// <param name="phase">Its name.</param>
    /// <param name="begun">What <see cref="Begin"/> returned for it.</param>
    void End(string phase, long begun);
}

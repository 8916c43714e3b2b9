using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// Enters the current (initial) state as if arriving from outside: runs the entry actions of its superstates
    /// (outermost first) and its own (OnEntryFrom actions are skipped), then follows initial transitions.
    /// Transition.IsStart is true. OnTransitioned is raised only for the initial transitions that move the machine.
    /// </summary>
    public void Start() => RunSync(StartCoreAsync(syncOnly: true));

    /// <summary>Async form of <see cref="Start"/>.</summary>
    /// <returns>A task that completes when the entry actions have run.</returns>
    public Task StartAsync() => StartCoreAsync(syncOnly: false).AsTask();

    /// <summary>
    /// Runs the OnActivate actions of the current state and its superstates (outermost first), e.g. after loading
    /// state from storage. Does nothing when already active.
    /// </summary>
    public void Activate() => RunSync(ActivateCoreAsync(syncOnly: true));

    /// <summary>Async form of <see cref="Activate"/>.</summary>
    /// <returns>A task that completes when the actions have run.</returns>
    public Task ActivateAsync() => ActivateCoreAsync(syncOnly: false).AsTask();

    /// <summary>
    /// Runs the OnDeactivate actions of the current state, then its superstates (innermost first), e.g. before saving.
    /// Does nothing when not active.
    /// </summary>
    public void Deactivate() => RunSync(DeactivateCoreAsync(syncOnly: true));

    /// <summary>Async form of <see cref="Deactivate"/>.</summary>
    /// <returns>A task that completes when the actions have run.</returns>
    public Task DeactivateAsync() => DeactivateCoreAsync(syncOnly: false).AsTask();

    private async ValueTask StartCoreAsync(bool syncOnly)
    {
        var state = State;
        var start = new Transition(state, state, default!, Args.None, TransitionKind.Start);
        _isFiring = _firingMode == FiringMode.Queued;
        try
        {
            await EnterAsync(Definition.GetRepresentation(state), start, syncOnly).ConfigureAwait(false);
        }
        catch
        {
            _queue?.Clear();
            _isFiring = false;
            throw;
        }

        // Triggers fired by entry actions were queued (run-to-completion); process them now.
        _isFiring = false;
        if (_queue is { Count: > 0 } queue)
        {
            var next = queue.Dequeue();
            await FireCoreAsync(next.Trigger, next.Args, syncOnly).ConfigureAwait(false);
        }
    }

    private async ValueTask ActivateCoreAsync(bool syncOnly)
    {
        if (_isActive)
        {
            return;
        }

        var state = State;
        var transition = new Transition(state, state, default!, Args.None, TransitionKind.Start);
        await Definition.GetRepresentation(state).ActivateAsync(transition, syncOnly).ConfigureAwait(false);
        _isActive = true;
    }

    private async ValueTask DeactivateCoreAsync(bool syncOnly)
    {
        if (!_isActive)
        {
            return;
        }

        var state = State;
        var transition = new Transition(state, state, default!, Args.None, TransitionKind.Start);
        await Definition.GetRepresentation(state).DeactivateAsync(transition, syncOnly).ConfigureAwait(false);
        _isActive = false;
    }
}

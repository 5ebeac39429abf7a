namespace FleetGen.Client;

/// <summary>What a GitOps job does, which decides when its pods show it done.</summary>
public enum GitOpsJobKind
{
    /// <summary>EnableGitOps: done when the add-on's pods are all Running and ready.</summary>
    Enable,

    /// <summary>DisableGitOps: done when the add-on has no pods left.</summary>
    Disable,
}

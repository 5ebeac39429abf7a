using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace FleetGen.Client.Files;

/// <summary>The type of a file system entry.</summary>
internal enum UnixFileKind
{
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    SymbolicLink,
    Unknown,
}

/// <summary>What <c>statx</c> says of a file: its type, owner, permission bits (sticky included) and identity (device and inode).</summary>
internal readonly record struct UnixFileStatus(UnixFileKind Kind, uint UserId, uint GroupId, UnixFileMode Mode, ulong Device, ulong Inode);

/// <summary>
/// The few POSIX facts .NET does not expose and a kubeconfig writer needs: whether an entry is a regular file or a
/// device, FIFO or socket (which must never be replaced), who owns it (so that a file written under sudo keeps its
/// owner) and whether this process may write it. Linux only (<c>statx</c> has one layout on every architecture);
/// elsewhere the answers are <c>null</c> and callers fall back to what .NET offers.
/// </summary>
internal static partial class UnixFileSystem
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxMode = 0x2;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;
    private const uint StatxIno = 0x100;
    private const int WriteAccess = 2;
    private const int ModeOffset = 28;
    private const int UidOffset = 20;
    private const int GidOffset = 24;
    private const int InoOffset = 32;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>The entry's type and owner, following symbolic links; <c>null</c> when it does not exist or this platform cannot tell.</summary>
    public static UnixFileStatus? Status(string path) => StatusOf(AtCurrentDirectory, path, 0);

    /// <summary>The entry itself, a symbolic link not followed (<c>lstat</c>); <c>null</c> when it does not exist or this platform cannot tell.</summary>
    public static UnixFileStatus? LinkStatus(string path) => StatusOf(AtCurrentDirectory, path, AtSymlinkNoFollow);

    /// <summary>The file an open handle refers to (<c>fstat</c>); <c>null</c> where this platform cannot tell.</summary>
    public static UnixFileStatus? Status(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return StatusOf((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static UnixFileStatus? StatusOf(int directory, string path, int flags)
    {
        if (!IsSupported)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[256];
        if (Statx(directory, path, flags, StatxType | StatxMode | StatxUid | StatxGid | StatxIno, buffer) != 0)
        {
            return null;
        }

        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer[ModeOffset..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => UnixFileKind.Regular,
            0x4000 => UnixFileKind.Directory,
            0x2000 => UnixFileKind.CharacterDevice,
            0x6000 => UnixFileKind.BlockDevice,
            0x1000 => UnixFileKind.Fifo,
            0xC000 => UnixFileKind.Socket,
            0xA000 => UnixFileKind.SymbolicLink,
            _ => UnixFileKind.Unknown,
        };
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer[DeviceMajorOffset..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer[DeviceMinorOffset..]);
        return new UnixFileStatus(
            kind,
            BinaryPrimitives.ReadUInt32LittleEndian(buffer[UidOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(buffer[GidOffset..]),
            (UnixFileMode)(mode & 0xFFF),
            device,
            BinaryPrimitives.ReadUInt64LittleEndian(buffer[InoOffset..]));
    }

    /// <summary>This process's effective user id; <c>null</c> where <see cref="IsSupported"/> is false.</summary>
    public static uint? EffectiveUserId => IsSupported ? GetEffectiveUserId() : null;

    /// <summary>Whether this process may write the entry (as the kernel decides, root included); <c>null</c> where it cannot tell.</summary>
    public static bool? CanWrite(string path) => IsSupported ? Access(path, WriteAccess) == 0 : null;

    /// <summary>Gives <paramref name="path"/> the owner and group; false when the kernel refuses (only root may give files away).</summary>
    public static bool TryChangeOwner(string path, uint userId, uint groupId) => !IsSupported || ChangeOwner(path, userId, groupId) == 0;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ChangeOwner(string path, uint userId, uint groupId);
}

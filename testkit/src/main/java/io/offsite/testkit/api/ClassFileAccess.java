package io.offsite.testkit.api;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The access facts of one compiled class read straight from its class-file bytes (JVMS §4): its binary
 * name, its effective access flags (a nested type's own flags come from its {@code InnerClasses} entry),
 * the binary name of the type that declares it, and whether it is local, anonymous or synthetic. Nothing
 * is loaded or initialised, so scanning needs no class path.
 */
record ClassFileAccess(String binaryName, int flags, String declaringType, boolean localOrAnonymous) {
    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_PROTECTED = 0x0004;
    static final int ACC_SYNTHETIC = 0x1000;
    static final int ACC_MODULE = 0x8000;

    boolean isPublic() {
        return (flags & ACC_PUBLIC) != 0;
    }

    boolean isProtected() {
        return (flags & ACC_PROTECTED) != 0;
    }

    boolean isSynthetic() {
        return (flags & ACC_SYNTHETIC) != 0;
    }

    /** The package of this type ({@code ""} for the unnamed package). */
    String packageName() {
        int slash = binaryName.lastIndexOf('/');
        return slash < 0 ? "" : binaryName.substring(0, slash).replace('/', '.');
    }

    /** Reads the access facts of the class file {@code bytes}; {@code where} names it in errors. */
    static ClassFileAccess read(byte[] bytes, String where) {
        try {
            return parse(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable class file: " + where + " (" + e + ")", e);
        }
    }

    private static ClassFileAccess parse(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("bad magic number");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 15 -> in.skipBytes(3);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // long and double take two constant-pool slots
                }
                default -> throw new IOException("unknown constant-pool tag " + tag + " at entry " + i);
            }
        }
        int flags = in.readUnsignedShort();
        int thisClass = in.readUnsignedShort();
        String name = utf8[classNameIndex[thisClass]];
        in.readUnsignedShort(); // super class
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        skipMembers(in); // fields
        skipMembers(in); // methods
        String declaring = null;
        boolean localOrAnonymous = false;
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String attribute = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if (!"InnerClasses".equals(attribute)) {
                in.skipBytes(length);
                continue;
            }
            int entries = in.readUnsignedShort();
            for (int e = 0; e < entries; e++) {
                int inner = in.readUnsignedShort();
                int outer = in.readUnsignedShort();
                int innerName = in.readUnsignedShort();
                int innerFlags = in.readUnsignedShort();
                if (inner != 0 && name.equals(utf8[classNameIndex[inner]])) {
                    flags = innerFlags;
                    if (outer == 0 || innerName == 0) {
                        localOrAnonymous = true;
                    } else {
                        declaring = utf8[classNameIndex[outer]];
                    }
                }
            }
        }
        return new ClassFileAccess(name, flags, declaring, localOrAnonymous);
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            in.skipBytes(6); // access, name, descriptor
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }
}

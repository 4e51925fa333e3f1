#!/usr/bin/env python3
"""Turn a text file into a C source file holding it as a NUL-terminated array.

usage: embed.py INPUT OUTPUT SYMBOL
Used at build time so the schema and the example panel live in the binary.
"""
import sys


def main():
    src, out, sym = sys.argv[1:4]
    data = open(src, 'rb').read()
    with open(out, 'w') as f:
        f.write('/* generated from %s by embed.py; do not edit */\n' % src.split('/')[-1])
        f.write('#include <stddef.h>\n')
        f.write('extern const char %s[];\nextern const size_t %s_len;\n' % (sym, sym))
        f.write('const char %s[] = {\n' % sym)
        for i in range(0, len(data), 16):
            f.write('  ' + ', '.join('0x%02x' % b for b in data[i:i + 16]) + ',\n')
        f.write('  0x00\n};\n')
        f.write('const size_t %s_len = %d;\n' % (sym, len(data)))


if __name__ == '__main__':
    main()

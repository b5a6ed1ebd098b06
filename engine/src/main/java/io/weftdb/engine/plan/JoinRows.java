package io.weftdb.engine.plan;

/** Building joined rows: a left row and a right row side by side, either side NULLs when absent. */
final class JoinRows {
    private final int leftWidth;
    private final int rightWidth;

    JoinRows(int leftWidth, int rightWidth) {
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
    }

    Object[] combine(Object[] left, Object[] right) {
        Object[] combined = new Object[leftWidth + rightWidth];
        if (left != null) {
            System.arraycopy(left, 0, combined, 0, leftWidth);
        }
        if (right != null) {
            System.arraycopy(right, 0, combined, leftWidth, rightWidth);
        }
        return combined;
    }
}

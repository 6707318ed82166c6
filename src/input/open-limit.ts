/**
 * Contract: at most MAX_OPEN file descriptors are held by input reading at any moment, whatever the number of
 * inputs. Readers take a slot around each open→read→close; waiting readers queue in order. 300 inputs merged by
 * time therefore never hold 300 descriptors (EMFILE under `ulimit -n 256`).
 */

const MAX_OPEN = 8;

let inUse = 0;
const queue: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (inUse < MAX_OPEN) {
    inUse++;
    return;
  }
  await new Promise<void>((resolve) => queue.push(resolve));
}

function release(): void {
  const next = queue.shift();
  if (next !== undefined) next();
  else inUse--;
}

/** Runs `work` holding one descriptor slot. */
export async function withOpenSlot<T>(work: () => Promise<T>): Promise<T> {
  await acquire();
  try {
    return await work();
  } finally {
    release();
  }
}

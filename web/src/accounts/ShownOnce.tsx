/** A secret or a link shown this once, to copy and pass on: it is not kept anywhere it can be read again. */
export function ShownOnce({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <div className="shown-once" role="status">
      <p>
        <strong>{label}</strong> {help}
      </p>
      <p>
        <code dir="ltr">{value}</code>
      </p>
    </div>
  );
}


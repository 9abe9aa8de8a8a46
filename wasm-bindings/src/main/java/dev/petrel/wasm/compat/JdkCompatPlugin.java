package dev.petrel.wasm.compat;

import java.util.HashMap;
import java.util.Map;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * A TeaVM compiler plugin (found through {@code META-INF/services}, used only at build time) that redirects calls to
 * JDK methods missing from TeaVM's class library to {@link JdkCompat}, so that core can use them and still compile
 * to WebAssembly. It rewrites invoke instructions of Petrel's own classes only.
 */
public final class JdkCompatPlugin implements TeaVMPlugin {
    private static final Map<MethodReference, MethodReference> REDIRECTS = new HashMap<>();

    static {
        String compat = JdkCompat.class.getName();
        ValueType string = ValueType.object("java.lang.String");
        REDIRECTS.put(new MethodReference("java.lang.Long", "parseUnsignedLong", string, ValueType.INTEGER,
                ValueType.LONG), new MethodReference(compat, "parseUnsignedLong", string, ValueType.INTEGER,
                ValueType.LONG));
        REDIRECTS.put(new MethodReference("java.lang.Long", "parseUnsignedLong", string, ValueType.LONG),
                new MethodReference(compat, "parseUnsignedLong", string, ValueType.LONG));
    }

    @Override
    public void install(TeaVMHost host) {
        host.add(new Redirector());
    }

    private static final class Redirector implements ClassHolderTransformer {
        @Override
        public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
            if (!cls.getName().startsWith("dev.petrel.") || cls.getName().startsWith("dev.petrel.wasm.compat.")) {
                return;
            }
            for (MethodHolder method : cls.getMethods()) {
                Program program = method.getProgram();
                if (program == null) {
                    continue;
                }
                for (BasicBlock block : program.getBasicBlocks()) {
                    for (Instruction insn : block) {
                        if (insn instanceof InvokeInstruction) {
                            InvokeInstruction invoke = (InvokeInstruction) insn;
                            MethodReference target = REDIRECTS.get(invoke.getMethod());
                            if (target != null) {
                                invoke.setMethod(target);
                            }
                        }
                    }
                }
            }
        }
    }
}

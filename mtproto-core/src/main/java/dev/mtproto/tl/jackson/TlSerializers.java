package dev.mtproto.tl.jackson;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.mtproto.tl.TlObject;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.Serializers;

/** Gives Jackson {@link TlObjectSerializer} for every {@link TlObject} type. */
final class TlSerializers implements Serializers {

    @Override
    public ValueSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription.Supplier beanDescRef,
            JsonFormat.Value formatOverrides) {
        return TlObject.class.isAssignableFrom(type.getRawClass()) ? TlObjectSerializer.INSTANCE : null;
    }
}
